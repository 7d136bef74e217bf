// Writes the ESX/vCenter answers that govmomi's simulator/esx and simulator/vpx packages keep
// (captured from real servers with `govc ... -dump`) as SOAP XML, one file per object property.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"github.com/vmware/govmomi/simulator/esx"
	"github.com/vmware/govmomi/simulator/vpx"
	"github.com/vmware/govmomi/vim25/mo"
	"github.com/vmware/govmomi/vim25/types"
	"github.com/vmware/govmomi/vim25/xml"
)

var _ = 0
const head = `<?xml version="1.0" encoding="UTF-8"?>
<soapenv:Envelope xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<soapenv:Body>
`
const tail = "\n</soapenv:Body>\n</soapenv:Envelope>\n"

var typeFunc = types.TypeFunc()

func wrap(v reflect.Value) interface{} {
	if v.Kind() == reflect.Slice {
		switch s := v.Interface().(type) {
		case []string:
			return &types.ArrayOfString{String: s}
		case []uint8:
			return &types.ArrayOfByte{Byte: s}
		case []int16:
			return &types.ArrayOfShort{Short: s}
		case []int32:
			return &types.ArrayOfInt{Int: s}
		case []int64:
			return &types.ArrayOfLong{Long: s}
		}
		kind := strings.TrimPrefix(v.Type().Elem().Name(), "Base")
		at, ok := typeFunc("ArrayOf" + kind)
		if !ok {
			panic("no ArrayOf" + kind)
		}
		a := reflect.New(at)
		a.Elem().FieldByName(kind).Set(v)
		return a.Interface()
	}
	if v.Kind() == reflect.Ptr {
		return v.Interface()
	}
	return v.Interface()
}

func isZero(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface, reflect.Slice, reflect.Map:
		return v.IsNil() || (v.Kind() == reflect.Slice && v.Len() == 0)
	case reflect.String:
		return v.Len() == 0
	}
	return false
}

// props collects the mo-tagged fields of a managed object (embedded ones too).
func props(v reflect.Value, out *[]types.DynamicProperty) {
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		fv := v.Field(i)
		if f.Anonymous && fv.Kind() == reflect.Struct {
			props(fv, out)
			continue
		}
		tag := f.Tag.Get("mo")
		if tag == "" || tag == "self" || isZero(fv) {
			continue
		}
		if fv.Kind() == reflect.Struct && reflect.DeepEqual(fv.Interface(), reflect.Zero(fv.Type()).Interface()) {
			continue
		}
		*out = append(*out, types.DynamicProperty{Name: tag, Val: wrap(fv)})
	}
}

type envelope struct {
	XMLName xml.Name    `xml:"soapenv:Envelope"`
	Enc     string      `xml:"xmlns:soapenc,attr"`
	Env     string      `xml:"xmlns:soapenv,attr"`
	XSD     string      `xml:"xmlns:xsd,attr"`
	XSI     string      `xml:"xmlns:xsi,attr"`
	Body    interface{} `xml:"soapenv:Body"`
}

type response struct{ Res interface{} }

func (r *response) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	res := xml.StartElement{Name: xml.Name{Space: "urn:vim25", Local: reflect.ValueOf(r.Res).Elem().Type().Name()}}
	if err := e.EncodeToken(start); err != nil {
		return err
	}
	if err := e.EncodeElement(r.Res, res); err != nil {
		return err
	}
	return e.EncodeToken(start.End())
}

func write(dir, name string, res interface{}) {
	var out bytes.Buffer
	fmt.Fprint(&out, xml.Header)
	e := xml.NewEncoder(&out)
	if err := e.Encode(&envelope{Enc: "http://schemas.xmlsoap.org/soap/encoding/", Env: "http://schemas.xmlsoap.org/soap/envelope/",
		XSD: "http://www.w3.org/2001/XMLSchema", XSI: "http://www.w3.org/2001/XMLSchema-instance", Body: &response{res}}); err != nil {
		panic(err)
	}
	e.Flush()
	out.WriteString("\n")
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, out.Bytes(), 0o644); err != nil {
		panic(err)
	}
	fmt.Println(p)
}

func object(dir string, n int, self types.ManagedObjectReference, list []types.DynamicProperty) {
	for i, p := range list {
		oc := types.ObjectContent{Obj: self, PropSet: []types.DynamicProperty{p}}
		body := &types.RetrievePropertiesExResponse{Returnval: &types.RetrieveResult{Objects: []types.ObjectContent{oc}}}
		write(dir, fmt.Sprintf("%02d-%s-%02d-%s.xml", n, self.Value, i, p.Name), body)
	}
}

func mobj(dir string, n int, o interface{}, self types.ManagedObjectReference, extra ...types.DynamicProperty) {
	var list []types.DynamicProperty
	props(reflect.ValueOf(o), &list)
	list = append(list, extra...)
	object(dir, n, self, list)
}

func main() {
	root := os.Args[1]
	e := filepath.Join(root, "govmomi-esx65")
	v := filepath.Join(root, "govmomi-vpx65")
	os.MkdirAll(e, 0o755)
	os.MkdirAll(v, 0o755)

	sc := esx.ServiceContent
	write(e, "01-RetrieveServiceContent.xml", &types.RetrieveServiceContentResponse{Returnval: sc})
	mobj(e, 10, esx.RootFolder, esx.RootFolder.Self)
	mobj(e, 11, esx.Datacenter, esx.Datacenter.Self)
	host := esx.HostSystem
	mobj(e, 12, host, host.Self, types.DynamicProperty{Name: "hardware", Val: esx.HostHardwareInfo})
	mobj(e, 13, esx.ResourcePool, esx.ResourcePool.Self)
	storage := host.ConfigManager.StorageSystem
	object(e, 14, *storage, []types.DynamicProperty{{Name: "storageDeviceInfo", Val: &esx.HostStorageDeviceInfo}})
	fw := host.ConfigManager.FirewallSystem
	object(e, 15, *fw, []types.DynamicProperty{{Name: "firewallInfo", Val: &esx.HostFirewallInfo}})

	vsc := vpx.ServiceContent
	write(v, "01-RetrieveServiceContent.xml", &types.RetrieveServiceContentResponse{Returnval: vsc})
	mobj(v, 10, vpx.RootFolder, vpx.RootFolder.Self)
	_ = mo.Folder{}
}
