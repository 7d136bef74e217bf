package io.jvirt.spi.driver;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the URI schemes a {@link HypervisorDriver} owns, readable from the provider's class
 * without creating an instance (see {@link java.util.ServiceLoader.Provider#type()}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DriverSchemes {
    String[] value();
}
