using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Import.Vectors;

/// <param name="Vectors">The vectors in file order (analogy evaluation takes the first N as the most frequent).</param>
/// <param name="Format">The layout found (see <see cref="WordVectorFileReader.Detect"/>).</param>
/// <param name="Gzipped">Whether the file was gzip-compressed (found by its magic bytes, not its name).</param>
/// <param name="LinesRead">Text formats: physical lines read, header and blank lines included. Binary: the header line plus one per record.</param>
/// <param name="BlankLinesSkipped">Empty or whitespace-only text lines, the only lines ever skipped; any other bad line refuses the file.</param>
public sealed record WordVectorReadResult(WordVectors Vectors, WordVectorFormat Format, bool Gzipped, long LinesRead, long BlankLinesSkipped);
