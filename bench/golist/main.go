// golist lists the VMs of a vSphere server the way govc does: log in, one ContainerView over the
// root folder, one RetrieveProperties (name, power state) through it, log out. It is the
// benchmark's govmomi client (bench/run.sh). Usage: golist https://user:pass@host:port/sdk
package main

import (
	"context"
	"fmt"
	"net/url"
	"os"

	"github.com/vmware/govmomi"
	"github.com/vmware/govmomi/view"
	"github.com/vmware/govmomi/vim25/mo"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: golist https://user:password@host:port/sdk")
		os.Exit(2)
	}
	u, err := url.Parse(os.Args[1])
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	c, err := govmomi.NewClient(ctx, u, true)
	if err != nil {
		fail(err)
	}
	defer c.Logout(ctx)
	v, err := view.NewManager(c.Client).CreateContainerView(ctx, c.ServiceContent.RootFolder, []string{"VirtualMachine"}, true)
	if err != nil {
		fail(err)
	}
	var vms []mo.VirtualMachine
	if err := v.Retrieve(ctx, []string{"VirtualMachine"}, []string{"name", "runtime.powerState"}, &vms); err != nil {
		fail(err)
	}
	out := make([]byte, 0, 64*len(vms))
	for _, vm := range vms {
		out = append(out, fmt.Sprintf("%s %s\n", vm.Name, vm.Runtime.PowerState)...)
	}
	os.Stdout.Write(out)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "golist:", err)
	os.Exit(1)
}
