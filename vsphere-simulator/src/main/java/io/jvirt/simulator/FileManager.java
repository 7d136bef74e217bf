package io.jvirt.simulator;

import io.jvirt.vim25.ManagedObjectReference;

/** The FileManager: MakeDirectory and DeleteDatastoreFile_Task on simulated datastores. */
final class FileManager {

    private final Inventory inventory;
    private final Datastores datastores;
    private final Tasks tasks;

    FileManager(Inventory inventory, Datastores datastores, Tasks tasks) {
        this.inventory = inventory;
        this.datastores = datastores;
        this.tasks = tasks;
    }

    void makeDirectory(String name, Boolean createParents) {
        inventory.write(() -> {
            DatastorePath path = DatastorePath.parse(name);
            DatastoreFiles files = datastores.files(path);
            if (files.isDirectory(path.path()) || files.isFile(path.path())) {
                throw VimFaults.fileAlreadyExists(path.toString());
            }
            if (Boolean.TRUE.equals(createParents)) {
                files.makeDirectories(path.path());
            } else if (!files.makeDirectory(path.path())) {
                throw VimFaults.fileNotFound(new DatastorePath(path.datastore(), path.parent()).toString());
            }
        });
    }

    ManagedObjectReference delete(ManagedObject manager, String name, Caller caller) {
        return tasks.start(manager, "FileManager.deleteFile", caller, () -> {
            DatastorePath path = DatastorePath.parse(name);
            if (!datastores.files(path).delete(path.path())) {
                throw VimFaults.fileNotFound(path.toString());
            }
            return null;
        });
    }
}
