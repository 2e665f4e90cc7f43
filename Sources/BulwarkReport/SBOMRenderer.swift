import BulwarkCore

/// Renders an ``Inventory`` as an SBOM in any ``SBOMFormat``.
public enum SBOMRenderer {
    /// The bytes of `inventory` in `format`: UTF-8 text ending in a newline.
    ///
    /// This is the one exhaustive `switch` over ``SBOMFormat`` (no `default:`): a new format is a compile
    /// error here until its writer is wired. Output depends only on the inventory and `options`, so equal
    /// inputs give equal bytes.
    public static func render(_ inventory: Inventory, as format: SBOMFormat, options: RenderOptions)
        throws(BulwarkError) -> [UInt8]
    {
        switch format {
        case .table: return TableWriter(options: options).write(inventory)
        case .json: return try JSONInventoryWriter(options: options).write(inventory)
        case .cyclonedx: return try CycloneDXWriter(options: options).write(inventory)
        case .spdxJSON: return try SPDXWriter(options: options).write(inventory)
        }
    }
}
