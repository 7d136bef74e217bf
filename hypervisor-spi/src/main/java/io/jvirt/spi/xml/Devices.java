package io.jvirt.spi.xml;

import java.util.List;

/** The {@code <devices>} of a domain, each list in document order. */
public record Devices(List<DiskDef> disks, List<ControllerDef> controllers, List<FilesystemDef> filesystems,
        List<InterfaceDef> interfaces, List<InputDef> inputs, List<GraphicsDef> graphics, List<VideoDef> videos,
        List<ChardevDef> serials, List<ChardevDef> parallels, List<ChardevDef> consoles) {

    public static final Devices NONE = new Devices(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of());

    public Devices {
        disks = List.copyOf(disks);
        controllers = List.copyOf(controllers);
        filesystems = List.copyOf(filesystems);
        interfaces = List.copyOf(interfaces);
        inputs = List.copyOf(inputs);
        graphics = List.copyOf(graphics);
        videos = List.copyOf(videos);
        serials = List.copyOf(serials);
        parallels = List.copyOf(parallels);
        consoles = List.copyOf(consoles);
    }

    public Devices withDisks(List<DiskDef> d) {
        return new Devices(d, controllers, filesystems, interfaces, inputs, graphics, videos, serials, parallels,
                consoles);
    }

    public Devices withControllers(List<ControllerDef> c) {
        return new Devices(disks, c, filesystems, interfaces, inputs, graphics, videos, serials, parallels,
                consoles);
    }

    public Devices withInterfaces(List<InterfaceDef> i) {
        return new Devices(disks, controllers, filesystems, i, inputs, graphics, videos, serials, parallels,
                consoles);
    }

    public Devices withVideos(List<VideoDef> v) {
        return new Devices(disks, controllers, filesystems, interfaces, inputs, graphics, v, serials, parallels,
                consoles);
    }

    public Devices withConsoles(List<ChardevDef> c) {
        return new Devices(disks, controllers, filesystems, interfaces, inputs, graphics, videos, serials,
                parallels, c);
    }
}
