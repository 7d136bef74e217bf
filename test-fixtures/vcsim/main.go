// vcsim-jvirt starts VMware's vcsim (govmomi simulator) for jvirt's tests: an ESX or vCenter
// model on a loopback address, with realistic .vmx files seeded into every VM's folder (vcsim
// itself writes empty ones). It prints the SDK URL on stdout and runs until stdin closes or it
// is signalled. Build with build.sh.
package main

import (
	"bytes"
	"crypto/tls"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/vmware/govmomi/object"
	"github.com/vmware/govmomi/simulator"
	"github.com/vmware/govmomi/vim25/types"
)

func main() {
	model := flag.String("model", "esx", "esx or vpx")
	vms := flag.Int("vms", 2, "VMs per host (esx) or per host and cluster resource pool (vpx)")
	useTLS := flag.Bool("tls", true, "serve HTTPS with vcsim's self-signed certificate")
	listen := flag.String("listen", "127.0.0.1:0", "loopback address:port to listen on")
	username := flag.String("username", "", "the only user name Login accepts (with -password)")
	password := flag.String("password", "", "the only password Login accepts (with -username)")
	latency := flag.Duration("latency", 0, "delay every request by this much (a real server's latency, e.g. 20ms), requests still served in parallel")
	typedItems := flag.Bool("typed-array-items", false, "give array items in responses an xsi:type, as ESX does (libvirt's client needs it)")
	sessionIdle := flag.Duration("session-idle", 0, "expire sessions idle this long (0: never), like a vCenter's session timeout")
	hosts := flag.Int("hosts", -1, "vpx: standalone hosts in the datacenter (default: the model's 1)")
	clusters := flag.Int("clusters", -1, "vpx: clusters in the datacenter, each with 3 hosts and one resource pool (default: the model's 1)")
	flag.Parse()
	if (*username == "") != (*password == "") {
		fail("-username and -password go together")
	}
	host, _, err := net.SplitHostPort(*listen)
	if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
		fail("-listen must be a loopback address:port, got %q", *listen)
	}
	simulator.SessionIdleTimeout = *sessionIdle
	var m *simulator.Model
	switch *model {
	case "esx":
		m = simulator.ESX()
	case "vpx":
		m = simulator.VPX()
	default:
		fail("-model must be esx or vpx, got %q", *model)
	}
	m.Machine = *vms
	if *hosts >= 0 || *clusters >= 0 {
		if *model != "vpx" {
			fail("-hosts and -clusters are for -model vpx")
		}
		if *hosts >= 0 {
			m.Host = *hosts
		}
		if *clusters >= 0 {
			m.Cluster = *clusters
		}
	}
	if err := m.Create(); err != nil {
		fail("cannot create model: %v", err)
	}
	defer m.Remove()
	if *useTLS {
		m.Service.TLS = new(tls.Config)
	}
	m.Service.Listen = &url.URL{Host: *listen}
	if *username != "" {
		// vcsim then refuses every other pair with InvalidLogin (without it, any non-empty pair logs in)
		m.Service.Listen.User = url.UserPassword(*username, *password)
	}
	server := m.Service.NewServer()
	defer server.Close()
	// No request has arrived yet: the handler can still be wrapped.
	server.Config.Handler = &benchHandler{next: server.Config.Handler, latency: *latency, typedItems: *typedItems}
	for _, entity := range simulator.Map.All("VirtualMachine") {
		if err := seedVmx(entity.(*simulator.VirtualMachine)); err != nil {
			fail("cannot seed .vmx: %v", err)
		}
	}
	sdk := *server.URL
	sdk.User = nil
	fmt.Println(sdk.String())
	stdinClosed := make(chan struct{})
	go func() { io.Copy(io.Discard, os.Stdin); close(stdinClosed) }()
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	select {
	case <-stdinClosed:
	case <-signals:
	}
}

// seedVmx writes a .vmx describing the VM (name, memory, CPUs, uuid, guest, disk, NIC).
func seedVmx(vm *simulator.VirtualMachine) error {
	var p object.DatastorePath
	if !p.FromString(vm.Config.Files.VmPathName) {
		return fmt.Errorf("bad path %q", vm.Config.Files.VmPathName)
	}
	if path.Ext(p.Path) != ".vmx" {
		p.Path = path.Join(p.Path, vm.Name+".vmx")
	}
	var dir string
	for _, e := range simulator.Map.All("Datastore") {
		if ds := e.(*simulator.Datastore); ds.Name == p.Datastore {
			dir = ds.Info.GetDatastoreInfo().Url
		}
	}
	if dir == "" {
		return fmt.Errorf("no datastore %q", p.Datastore)
	}
	hw := vm.Config.Hardware
	lines := []string{`.encoding = "UTF-8"`, `config.version = "8"`, `virtualHW.version = "13"`,
		q("displayName", vm.Name), q("memsize", fmt.Sprint(hw.MemoryMB)), q("numvcpus", fmt.Sprint(hw.NumCPU)),
		q("guestOS", strings.ToLower(strings.TrimSuffix(vm.Config.GuestId, "Guest"))), q("uuid.bios", biosUUID(vm.Config.Uuid))}
	for _, device := range hw.Device {
		switch d := device.(type) {
		case *types.VirtualDisk:
			if b, ok := d.Backing.(*types.VirtualDiskFlatVer2BackingInfo); ok {
				var disk object.DatastorePath
				disk.FromString(b.FileName)
				lines = append(lines, `scsi0.present = "TRUE"`, `scsi0.virtualDev = "lsilogic"`, `scsi0:0.present = "TRUE"`,
					`scsi0:0.deviceType = "scsi-hardDisk"`, q("scsi0:0.fileName", path.Base(disk.Path)))
			}
		case types.BaseVirtualEthernetCard:
			card := d.GetVirtualEthernetCard()
			network := "VM Network"
			if b, ok := card.Backing.(*types.VirtualEthernetCardNetworkBackingInfo); ok {
				network = b.DeviceName
			}
			lines = append(lines, `ethernet0.present = "TRUE"`, `ethernet0.virtualDev = "e1000"`, q("ethernet0.networkName", network),
				`ethernet0.addressType = "generated"`, q("ethernet0.generatedAddress", card.MacAddress))
		}
	}
	return os.WriteFile(filepath.Join(dir, filepath.FromSlash(p.Path)), []byte(strings.Join(lines, "\n")+"\n"), 0o644)
}

func q(key, value string) string { return key + ` = "` + value + `"` }

// biosUUID renders 8-4-4-4-12 as the .vmx "56 4d ... -..." form.
func biosUUID(uuid string) string {
	hex := strings.ReplaceAll(uuid, "-", "")
	var parts []string
	for i := 0; i+1 < len(hex); i += 2 {
		parts = append(parts, hex[i:i+2])
	}
	if len(parts) != 16 {
		return uuid
	}
	return strings.Join(parts[:8], " ") + "-" + strings.Join(parts[8:], " ")
}

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "vcsim-jvirt: "+format+"\n", args...)
	os.Exit(2)
}

// benchHandler serves GET /jvirt/requests (the number of requests served so far, for the
// benchmark's request counts), delays every other request by latency, and optionally adds the
// xsi:type that ESX puts on array items and vcsim leaves out.
type benchHandler struct {
	next       http.Handler
	latency    time.Duration
	typedItems bool
	requests   int64
}

func (h *benchHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/jvirt/requests" {
		fmt.Fprintln(w, atomic.LoadInt64(&h.requests))
		return
	}
	atomic.AddInt64(&h.requests, 1)
	if h.latency > 0 {
		time.Sleep(h.latency)
	}
	if !h.typedItems || r.URL.Path != "/sdk" {
		h.next.ServeHTTP(w, r)
		return
	}
	rec := &bufferedResponse{header: http.Header{}, status: http.StatusOK}
	h.next.ServeHTTP(rec, r)
	body := addItemTypes(rec.body.Bytes())
	for k, v := range rec.header {
		w.Header()[k] = v
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(rec.status)
	w.Write(body)
}

type bufferedResponse struct {
	header http.Header
	body   bytes.Buffer
	status int
}

func (b *bufferedResponse) Header() http.Header         { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) { return b.body.Write(p) }
func (b *bufferedResponse) WriteHeader(status int)      { b.status = status }

// A property value that is an array: <val ... type="ArrayOfX">items</val>. ESX types each item
// (xsi:type="X"); vcsim does not.
var arrayValue = regexp.MustCompile(`(?s)(<val [^>]*type="ArrayOf(\w+)">)(.*?)(</val>)`)

var primitiveItems = map[string]string{"String": "string", "Int": "int", "Long": "long", "Short": "short",
	"Byte": "byte", "Boolean": "boolean", "Double": "double", "Float": "float"}

func addItemTypes(body []byte) []byte {
	if !bytes.Contains(body, []byte(`type="ArrayOf`)) {
		return body
	}
	return arrayValue.ReplaceAllFunc(body, func(v []byte) []byte {
		m := arrayValue.FindSubmatch(v)
		item, typ := string(m[2]), string(m[2])
		if p, ok := primitiveItems[item]; ok {
			item, typ = p, "xsd:"+p
		}
		itemTag := itemTagPattern(item)
		typed := itemTag.ReplaceAllFunc(m[3], func(tag []byte) []byte {
			if bytes.Contains(tag, []byte(":type=")) {
				return tag
			}
			return []byte(`<` + item + ` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="` + typ + `"` + string(tag[len(item)+1:]))
		})
		return append(append(append([]byte{}, m[1]...), typed...), m[4]...)
	})
}

var itemTags sync.Map // item element name -> *regexp.Regexp

func itemTagPattern(item string) *regexp.Regexp {
	if re, ok := itemTags.Load(item); ok {
		return re.(*regexp.Regexp)
	}
	re, _ := itemTags.LoadOrStore(item, regexp.MustCompile(`<`+item+`( [^>]*)?>`))
	return re.(*regexp.Regexp)
}
