package io.loyaltyhub.plugins.erpcsv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** A file of the inbox as it was when seen: name, size and modification time tell one version from another. */
record FileId(String name, long size, long lastModified) {

    /** @return null when the file does not exist (or is not a regular file) */
    static FileId of(Path file) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                a = Files.readAttributes(file, BasicFileAttributes.class);
            }
            if (!a.isRegularFile()) {
                return null;
            }
            return new FileId(file.getFileName().toString(), a.size(), a.lastModifiedTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
