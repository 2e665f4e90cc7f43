/// A parsed Dockerfile: parser directives, build stages and every instruction with its lines.
public struct Dockerfile: Sendable, Hashable {
    /// The escape character (`\` or the `# escape=` directive's value).
    public var escape: Character
    /// The `# syntax=` directive's frontend image, if any.
    public var syntax: String?
    /// ARGs declared before the first FROM, with their defaults (used to expand FROM lines).
    public var globalArguments: [String: String]
    /// All instructions in order.
    public var instructions: [DockerInstruction]
    /// The build stages in order.
    public var stages: [DockerStage]
    /// Problems that did not stop parsing (unknown instructions, unterminated heredocs…).
    public var warnings: [ParseWarning]
    /// The source split into physical lines (without terminators), for snippets and suppressions.
    public var lines: [Substring]

    /// A parse problem at a line.
    public struct ParseWarning: Sendable, Hashable {
        /// 1-based line.
        public var line: Int
        /// What is wrong.
        public var message: String
        /// Creates a warning.
        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// Creates a parsed Dockerfile.
    public init(
        escape: Character, syntax: String?, globalArguments: [String: String], instructions: [DockerInstruction],
        stages: [DockerStage], warnings: [ParseWarning], lines: [Substring]
    ) {
        self.escape = escape
        self.syntax = syntax
        self.globalArguments = globalArguments
        self.instructions = instructions
        self.stages = stages
        self.warnings = warnings
        self.lines = lines
    }

    /// The stage built by default (the last one), if any.
    public var finalStage: DockerStage? { stages.last }
}
