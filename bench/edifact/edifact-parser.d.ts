// The part of the edifact package (node-edifact, which ships no types) that the benchmark uses.
declare module 'edifact/parser.js' {
  class Parser {
    /** The syntax level (UNOA, UNOB, UNOC, UNOY, UCS2) whose characters data may hold; UNOA until set. */
    encoding(level: string): void;
    write(chunk: string): void;
    end(): void;
    onopensegment(segment: string): void;
    onelement(): void;
    oncomponent(data: string): void;
    onclosesegment(): void;
  }
  export = Parser;
}
