import BulwarkCore

/// Writes Bulwark's own JSON SBOM (``JSONInventoryDocument``).
struct JSONInventoryWriter {
    /// Tool identity and timestamp for the document.
    let options: RenderOptions

    /// The document for `inventory`, as UTF-8 JSON.
    func write(_ inventory: Inventory) throws(BulwarkError) -> [UInt8] {
        try JSONOutput.encode(JSONInventoryDocument(inventory, options: options), format: "Bulwark JSON")
    }
}
