namespace EmbedDashboard.Inference.Import.Vectors;

public sealed record WordVectorReadOptions
{
    /// <summary>
    /// Most bytes the reader will take from the file after decompression (default 8 GiB). Counted as it
    /// reads, so a gzip bomb is refused once it passes the limit rather than after inflating it all.
    /// </summary>
    public long MaxBytes { get; init; } = 8L << 30;
}
