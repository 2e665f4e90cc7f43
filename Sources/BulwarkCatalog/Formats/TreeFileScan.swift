import BulwarkCore

/// Lists the regular files of a tree a cataloger is interested in, in path order, with their bytes.
///
/// Symlinks are not followed (the file they point to is listed under its own path), so nothing is
/// read twice.
public enum TreeFileScan {
    /// The files of `tree` for which `isWanted` holds and whose contents were collected.
    public static func files(in tree: any FileTree, where isWanted: (String) -> Bool) -> [(path: String, bytes: [UInt8])] {
        var files: [(path: String, bytes: [UInt8])] = []
        for path in tree.collectedPaths() where isWanted(path) {
            guard let node = tree.node(at: path), node.kind == .regular || node.kind == .hardlink, let bytes = node.contents else { continue }
            files.append((path, bytes))
        }
        return files
    }
}
