import BulwarkCore

/// The catalogers Bulwark runs, in a fixed order.
public enum CatalogerRegistry {
    /// Every OS package cataloger.
    public static var osPackageCatalogers: [any Cataloger] {
        [DpkgCataloger(), APKCataloger(), RPMCataloger()]
    }
}
