package io.jvirt.vim25;

import java.util.List;
import jakarta.jws.WebMethod;
import jakarta.jws.WebParam;
import jakarta.jws.WebResult;
import jakarta.jws.WebService;
import jakarta.xml.ws.RequestWrapper;
import jakarta.xml.ws.ResponseWrapper;

/**
 * The read operations of {@link VimPortType} as a port type of their own: connecting, reading
 * properties (with paging), the search index's look-ups and logging out; what a read-only
 * command such as {@code list --all} or {@code dominfo} sends. Its methods are those of
 * {@code VimPortType}, with the same annotations and the same WSDL operations of
 * {@code VimBinding}.
 *
 * <p>It exists for start-up time: the driver calls these operations with a SOAP client of its
 * own that reads answers straight into the generated classes (esx-driver
 * {@code io.jvirt.esx.soap.SoapClient}), from this interface's annotations, without building a
 * JAX-WS port and the JAXB model of every vim25 class, which took most of a first connection's
 * CPU time in a fresh JVM.
 */
@WebService(name = "VimPortType", targetNamespace = "urn:vim25")
public interface VimReadPortType {

    @WebMethod(operationName = "RetrieveServiceContent", action = "urn:vim25/8.0")
    @WebResult(name = "returnval", targetNamespace = "urn:vim25")
    @RequestWrapper(localName = "RetrieveServiceContent", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.RetrieveServiceContentRequestType")
    @ResponseWrapper(localName = "RetrieveServiceContentResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.RetrieveServiceContentResponse")
    ServiceContent retrieveServiceContent(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this)
        throws RuntimeFaultFaultMsg
    ;

    @WebMethod(operationName = "RetrievePropertiesEx", action = "urn:vim25/8.0")
    @WebResult(name = "returnval", targetNamespace = "urn:vim25")
    @RequestWrapper(localName = "RetrievePropertiesEx", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.RetrievePropertiesExRequestType")
    @ResponseWrapper(localName = "RetrievePropertiesExResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.RetrievePropertiesExResponse")
    RetrieveResult retrievePropertiesEx(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this,
        @WebParam(name = "specSet", targetNamespace = "urn:vim25")
        List<PropertyFilterSpec> specSet,
        @WebParam(name = "options", targetNamespace = "urn:vim25")
        RetrieveOptions options)
        throws InvalidPropertyFaultMsg, RuntimeFaultFaultMsg
    ;

    @WebMethod(operationName = "ContinueRetrievePropertiesEx", action = "urn:vim25/8.0")
    @WebResult(name = "returnval", targetNamespace = "urn:vim25")
    @RequestWrapper(localName = "ContinueRetrievePropertiesEx", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.ContinueRetrievePropertiesExRequestType")
    @ResponseWrapper(localName = "ContinueRetrievePropertiesExResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.ContinueRetrievePropertiesExResponse")
    RetrieveResult continueRetrievePropertiesEx(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this,
        @WebParam(name = "token", targetNamespace = "urn:vim25")
        String token)
        throws InvalidPropertyFaultMsg, RuntimeFaultFaultMsg
    ;

    @WebMethod(operationName = "CancelRetrievePropertiesEx", action = "urn:vim25/8.0")
    @RequestWrapper(localName = "CancelRetrievePropertiesEx", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.CancelRetrievePropertiesExRequestType")
    @ResponseWrapper(localName = "CancelRetrievePropertiesExResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.CancelRetrievePropertiesExResponse")
    void cancelRetrievePropertiesEx(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this,
        @WebParam(name = "token", targetNamespace = "urn:vim25")
        String token)
        throws InvalidPropertyFaultMsg, RuntimeFaultFaultMsg
    ;

    @WebMethod(operationName = "FindByUuid", action = "urn:vim25/8.0")
    @WebResult(name = "returnval", targetNamespace = "urn:vim25")
    @RequestWrapper(localName = "FindByUuid", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.FindByUuidRequestType")
    @ResponseWrapper(localName = "FindByUuidResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.FindByUuidResponse")
    ManagedObjectReference findByUuid(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this,
        @WebParam(name = "datacenter", targetNamespace = "urn:vim25")
        ManagedObjectReference datacenter,
        @WebParam(name = "uuid", targetNamespace = "urn:vim25")
        String uuid,
        @WebParam(name = "vmSearch", targetNamespace = "urn:vim25")
        boolean vmSearch,
        @WebParam(name = "instanceUuid", targetNamespace = "urn:vim25")
        Boolean instanceUuid)
        throws RuntimeFaultFaultMsg
    ;

    @WebMethod(operationName = "FindByInventoryPath", action = "urn:vim25/8.0")
    @WebResult(name = "returnval", targetNamespace = "urn:vim25")
    @RequestWrapper(localName = "FindByInventoryPath", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.FindByInventoryPathRequestType")
    @ResponseWrapper(localName = "FindByInventoryPathResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.FindByInventoryPathResponse")
    ManagedObjectReference findByInventoryPath(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this,
        @WebParam(name = "inventoryPath", targetNamespace = "urn:vim25")
        String inventoryPath)
        throws RuntimeFaultFaultMsg
    ;

    @WebMethod(operationName = "FindByIp", action = "urn:vim25/8.0")
    @WebResult(name = "returnval", targetNamespace = "urn:vim25")
    @RequestWrapper(localName = "FindByIp", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.FindByIpRequestType")
    @ResponseWrapper(localName = "FindByIpResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.FindByIpResponse")
    ManagedObjectReference findByIp(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this,
        @WebParam(name = "datacenter", targetNamespace = "urn:vim25")
        ManagedObjectReference datacenter,
        @WebParam(name = "ip", targetNamespace = "urn:vim25")
        String ip,
        @WebParam(name = "vmSearch", targetNamespace = "urn:vim25")
        boolean vmSearch)
        throws RuntimeFaultFaultMsg
    ;

    @WebMethod(operationName = "Logout", action = "urn:vim25/8.0")
    @RequestWrapper(localName = "Logout", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.LogoutRequestType")
    @ResponseWrapper(localName = "LogoutResponse", targetNamespace = "urn:vim25", className = "io.jvirt.vim25.LogoutResponse")
    void logout(
        @WebParam(name = "_this", targetNamespace = "urn:vim25")
        ManagedObjectReference _this)
        throws RuntimeFaultFaultMsg
    ;
}
