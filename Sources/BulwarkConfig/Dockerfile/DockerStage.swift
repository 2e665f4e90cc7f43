/// One build stage: a FROM and the instructions up to the next FROM.
public struct DockerStage: Sendable, Hashable {
    /// Position among the stages (0-based).
    public var index: Int
    /// The base image as written after variable expansion (e.g. `debian:12`, `scratch`, or another stage's name).
    public var baseImage: String
    /// The `AS name`, lower-cased, if any.
    public var name: String?
    /// The FROM instruction.
    public var from: DockerInstruction
    /// The instructions after FROM in this stage.
    public var instructions: [DockerInstruction]

    /// Creates a stage.
    public init(index: Int, baseImage: String, name: String?, from: DockerInstruction, instructions: [DockerInstruction]) {
        self.index = index
        self.baseImage = baseImage
        self.name = name
        self.from = from
        self.instructions = instructions
    }
}
