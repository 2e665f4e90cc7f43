/// One Dockerfile instruction with its position: continuation lines joined, heredoc bodies attached.
public struct DockerInstruction: Sendable, Hashable {
    /// The instruction keyword, upper-cased (`RUN`, `FROM`…).
    public var keyword: String
    /// The arguments after the keyword and its `--flag` options, continuations joined, variables not expanded.
    public var arguments: String
    /// `--name=value` options before the arguments (`--from`, `--chown`, `--chmod`, `--mount`…); a flag
    /// without value maps to "". Repeated flags keep the last value, except `--mount`, joined by newlines.
    public var flags: [String: String]
    /// The exec (JSON array) form's elements, or nil for the shell form.
    public var execForm: [String]?
    /// Heredoc bodies (`<<EOF` … `EOF`) in order.
    public var heredocs: [String]
    /// First physical line (1-based).
    public var line: Int
    /// Last physical line, including continuations and heredoc bodies.
    public var endLine: Int
    /// The source text as written (all physical lines of the instruction).
    public var source: String
    /// The index of the build stage this instruction belongs to (-1 before the first FROM).
    public var stageIndex: Int

    /// Creates an instruction.
    public init(
        keyword: String, arguments: String, flags: [String: String] = [:], execForm: [String]? = nil,
        heredocs: [String] = [], line: Int, endLine: Int, source: String, stageIndex: Int
    ) {
        self.keyword = keyword
        self.arguments = arguments
        self.flags = flags
        self.execForm = execForm
        self.heredocs = heredocs
        self.line = line
        self.endLine = endLine
        self.source = source
        self.stageIndex = stageIndex
    }

    /// The shell text a RUN executes: the shell-form arguments plus heredoc bodies, or the exec form joined.
    public var shellText: String {
        if let execForm { return execForm.joined(separator: " ") }
        guard !heredocs.isEmpty else { return arguments }
        // `RUN <<EOF` / `RUN bash <<EOF`: the heredoc is the script; drop the redirection words.
        let head = arguments.split(separator: " ").filter { !$0.hasPrefix("<<") }.joined(separator: " ")
        let isInterpreter = ["", "sh", "bash", "/bin/sh", "/bin/bash", "ash", "zsh", "dash"].contains(head)
        return ((isInterpreter ? [] : [head]) + heredocs).joined(separator: "\n")
    }
}
