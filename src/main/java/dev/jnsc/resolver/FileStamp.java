package dev.jnsc.resolver;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What identifies one version of a file: a rewrite changes at least one of these (an atomic
 * replace, as nsc and the account server write, always changes the file key, the inode).
 */
record FileStamp(FileTime modified, long size, Object fileKey) {
    static FileStamp of(BasicFileAttributes a) {
        return new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey());
    }
}
