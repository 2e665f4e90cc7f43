import BulwarkCore

/// Applies layers in order to build the merged filesystem: whiteouts and opaque directories hide
/// what lower layers put there, and an upper file replaces a lower one.
public enum LayerApplier {
    /// Applies one layer's changes to `tree`.
    public static func apply(_ layer: LayerContents, to tree: inout MemoryFileTree) {
        // Whiteouts only ever hide lower-layer entries, so apply them before this layer's own entries.
        for (path, change) in layer.changes {
            switch change {
            case .whiteout: tree.remove(path)
            case .opaque: tree.removeChildren(of: path)
            case .put: continue
            }
        }
        for (path, change) in layer.changes {
            guard case .put(let node) = change else { continue }
            if let existing = tree.node(at: path), existing.kind == .directory, node.kind != .directory {
                tree.remove(path)
            }
            if node.kind == .directory, let existing = tree.node(at: path), existing.kind == .directory {
                continue  // keep the lower directory's children; metadata changes do not matter here
            }
            tree.set(path, node)
        }
    }
}
