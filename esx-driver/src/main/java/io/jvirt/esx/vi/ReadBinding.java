package io.jvirt.esx.vi;

import com.sun.xml.ws.api.model.SEIModel;
import com.sun.xml.ws.developer.JAXBContextFactory;
import io.jvirt.vim25.VimReadPortType;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.annotation.XmlSeeAlso;
import org.glassfish.jaxb.core.v2.model.annotation.Locatable;
import org.glassfish.jaxb.core.v2.model.core.ErrorHandler;
import org.glassfish.jaxb.runtime.api.JAXBRIContext;
import org.glassfish.jaxb.runtime.api.TypeReference;
import org.glassfish.jaxb.runtime.v2.model.annotation.RuntimeAnnotationReader;
import org.glassfish.jaxb.runtime.v2.model.annotation.RuntimeInlineAnnotationReader;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The JAXB binding of the read port ({@link VimReadPortType}): the classes of its operations,
 * every fault, and the value classes that the properties of frequent reads carry: 178 of the
 * subset's 599 data and enum classes ({@link ReadBindingClasses}) and the 16 request and response
 * wrappers of its 8 operations, 194 classes where the full binding has 723. Building the JAXB
 * model of all of them is most of a first connection's CPU time in a fresh JVM; a read-only
 * command needs only these.
 *
 * <p>Every vim25 class names its subclasses in {@code @XmlSeeAlso}, and {@code DynamicData},
 * the base of all data objects, names hundreds, so JAXB would pull in the whole subset from any
 * class. This binding reads the annotations without {@code @XmlSeeAlso} and names its classes
 * itself. Two rules keep it from losing data, both checked by {@code ReadBindingTest}:
 * <ul>
 * <li>it is closed under subclassing: for every field of every class it holds, the declared type's
 * bound subclasses are held too (a value is never read as a base class of what was sent);</li>
 * <li>a property value ({@code xsd:anyType}) of a class it does not hold arrives as a DOM element,
 * which {@link LateBinding#complete} reads with the full binding.</li>
 * </ul>
 * The one other {@code xsd:anyType} among its classes, {@code KeyAnyValue.value} (the arguments of
 * a fault's localizable message, which the driver does not read), keeps a value of a class it does
 * not hold as XML.
 */
final class ReadBinding implements JAXBContextFactory {

    /** The one read binding; also the factory every read port names (see {@link #createJAXBContext}). */
    static final ReadBinding INSTANCE = new ReadBinding();

    private JAXBRIContext context;

    private ReadBinding() {
    }

    /**
     * The binding, built on the first call. Metro builds a port's model anew for every port whose
     * features name a JAXB context factory, and asks it for the binding each time: every read
     * port of the JVM gets the same one (same port type, same classes), so only the first port
     * pays for it.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public synchronized JAXBRIContext createJAXBContext(SEIModel sei, List<Class> classesToBind,
                                                       List<TypeReference> typeReferences) throws JAXBException {
        if (context == null) {
            Set<Class<?>> classes = new LinkedHashSet<>();
            for (Class c : classesToBind) {
                classes.add(c);
            }
            classes.addAll(ReadBindingClasses.ALL);
            context = JAXBRIContext.newInstance(classes.toArray(new Class<?>[0]), typeReferences, null,
                    sei.getTargetNamespace(), false, new WithoutSeeAlso());
        }
        return context;
    }

    /** The runtime's annotation reader, except that no class has {@code @XmlSeeAlso}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class WithoutSeeAlso implements RuntimeAnnotationReader {
        private final RuntimeInlineAnnotationReader delegate = new RuntimeInlineAnnotationReader();

        @Override
        public void setErrorHandler(ErrorHandler errorHandler) {
            delegate.setErrorHandler(errorHandler);
        }

        @Override
        public <A extends Annotation> A getFieldAnnotation(Class<A> a, Field field, Locatable srcPos) {
            return delegate.getFieldAnnotation(a, field, srcPos);
        }

        @Override
        public boolean hasFieldAnnotation(Class<? extends Annotation> a, Field field) {
            return delegate.hasFieldAnnotation(a, field);
        }

        @Override
        public boolean hasClassAnnotation(Class clazz, Class<? extends Annotation> a) {
            return a != XmlSeeAlso.class && delegate.hasClassAnnotation(clazz, a);
        }

        @Override
        public Annotation[] getAllFieldAnnotations(Field field, Locatable srcPos) {
            return delegate.getAllFieldAnnotations(field, srcPos);
        }

        @Override
        public <A extends Annotation> A getMethodAnnotation(Class<A> a, Method getter, Method setter, Locatable srcPos) {
            return delegate.getMethodAnnotation(a, getter, setter, srcPos);
        }

        @Override
        public boolean hasMethodAnnotation(Class<? extends Annotation> a, String propertyName, Method getter,
                                           Method setter, Locatable srcPos) {
            return delegate.hasMethodAnnotation(a, propertyName, getter, setter, srcPos);
        }

        @Override
        public Annotation[] getAllMethodAnnotations(Method method, Locatable srcPos) {
            return delegate.getAllMethodAnnotations(method, srcPos);
        }

        @Override
        public <A extends Annotation> A getMethodAnnotation(Class<A> a, Method method, Locatable srcPos) {
            return delegate.getMethodAnnotation(a, method, srcPos);
        }

        @Override
        public boolean hasMethodAnnotation(Class<? extends Annotation> a, Method method) {
            return delegate.hasMethodAnnotation(a, method);
        }

        @Override
        public <A extends Annotation> A getMethodParameterAnnotation(Class<A> a, Method method, int paramIndex,
                                                                     Locatable srcPos) {
            return delegate.getMethodParameterAnnotation(a, method, paramIndex, srcPos);
        }

        @Override
        public <A extends Annotation> A getClassAnnotation(Class<A> a, Class clazz, Locatable srcPos) {
            return a == XmlSeeAlso.class ? null : delegate.getClassAnnotation(a, clazz, srcPos);
        }

        @Override
        public <A extends Annotation> A getPackageAnnotation(Class<A> a, Class clazz, Locatable srcPos) {
            return delegate.getPackageAnnotation(a, clazz, srcPos);
        }

        @Override
        public Type getClassValue(Annotation a, String name) {
            return delegate.getClassValue(a, name);
        }

        @Override
        public Type[] getClassArrayValue(Annotation a, String name) {
            return delegate.getClassArrayValue(a, name);
        }
    }
}
