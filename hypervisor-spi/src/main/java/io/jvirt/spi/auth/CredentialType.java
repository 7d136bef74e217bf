package io.jvirt.spi.auth;

/** Kinds of credential a driver can ask for, after libvirt's {@code VIR_CRED_*} types. */
public enum CredentialType {
    /** A user name to authenticate as ({@code VIR_CRED_AUTHNAME}). */
    AUTHNAME,
    /** A user name to act as ({@code VIR_CRED_USERNAME}). */
    USERNAME,
    /** A secret, read without echo ({@code VIR_CRED_PASSPHRASE}). */
    PASSPHRASE,
    /** An answer to a challenge, read with echo. */
    ECHOPROMPT,
    /** An answer to a challenge, read without echo; may stand in for {@link #PASSPHRASE}. */
    NOECHOPROMPT;

    /** True for the types whose answer must never be echoed or logged. */
    public boolean isSecret() {
        return this == PASSPHRASE || this == NOECHOPROMPT;
    }
}
