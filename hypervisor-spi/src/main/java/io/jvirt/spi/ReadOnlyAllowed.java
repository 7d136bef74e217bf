package io.jvirt.spi;

import io.jvirt.spi.connect.ConnectionFactory;
import io.jvirt.spi.error.ErrorCode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a handle interface ({@link Connection}, {@link Domain}, ...) that a
 * read-only connection ({@link ConnectionFactory#openReadOnly}) may call: it changes nothing and
 * discloses nothing libvirt keeps from read-only clients. Every method without it is denied
 * there with {@link ErrorCode#OPERATION_DENIED} before the driver sees the call, so a method
 * added later is denied until someone decides otherwise (default-deny). The choice follows
 * libvirt's {@code virCheckReadOnlyGoto} checks: e.g. {@code guestHostname},
 * {@code domainXmlFromNative} and volume downloads are denied there although they change nothing.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnlyAllowed {
}
