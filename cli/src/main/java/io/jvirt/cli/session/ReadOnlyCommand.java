package io.jvirt.cli.session;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a {@link VirshCommand} changes nothing on the hypervisor, so {@code -r}
 * (read-only) lets it run. jvirsh is default-deny: a command without this annotation (and
 * without a {@link VirshCommand#readOnlyUse()} override for the options it is given) is refused
 * under {@code -r} before it connects. Not inherited: each command class declares it itself.
 * Under {@code -r} the connection is opened read-only as well, so the API denies whatever a
 * command would change even if it were declared wrongly.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadOnlyCommand {
}
