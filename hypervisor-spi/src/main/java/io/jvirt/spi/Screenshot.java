package io.jvirt.spi;

/**
 * An image of a domain's console, libvirt's {@code virDomainScreenshot}.
 *
 * @param mimeType the image's type, e.g. {@code image/png}
 * @param data     the image file's bytes
 */
public record Screenshot(String mimeType, byte[] data) {
    public Screenshot {
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public String toString() {
        return "Screenshot[" + mimeType + ", " + data.length + " bytes]";
    }
}
