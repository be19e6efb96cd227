namespace EmbedDashboard.Inference.Import.Vectors;

/// <summary>The layout of a user's word-vector file (gzip, if any, is reported separately).</summary>
public enum WordVectorFormat
{
    /// <summary>GloVe: <c>word v1 … vn</c> per line, no header; the first line sets the dimension.</summary>
    GloveText,

    /// <summary>word2vec / fastText <c>.vec</c>: a <c>count dim</c> header line, then GloVe-like lines.</summary>
    Word2VecText,

    /// <summary>word2vec <c>.bin</c>: a <c>count dim</c> header line, then word bytes, a space and dim little-endian float32 per word.</summary>
    Word2VecBinary,
}
