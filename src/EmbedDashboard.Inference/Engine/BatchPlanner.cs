namespace EmbedDashboard.Inference.Engine;

/// <summary>
/// Cuts length-sorted (longest first) sequences into batches of at most batchSize rows and at most
/// maxPaddedTokens padded positions (rows × longest). Without the token cap a batch of 128 that starts
/// with a 235-token review pads every row to 235 and its attention scores alone are 128×12×235² floats
/// (340 MB): on the IMDB benchmark that one batch took 4.3 s of the 6.5 s total.
/// </summary>
public static class BatchPlanner
{
    /// <summary>32 rows of 256 tokens, the defaults' worst case, still fit in one batch.</summary>
    public const int DefaultMaxPaddedTokens = 8192;

    public static List<(int Start, int Count)> Plan(IReadOnlyList<int> lengthsLongestFirst, int batchSize, int maxPaddedTokens = DefaultMaxPaddedTokens)
    {
        batchSize = Math.Max(1, batchSize);
        var plan = new List<(int, int)>();
        for (var start = 0; start < lengthsLongestFirst.Count;)
        {
            // The first row is the longest, so it sets the padded width; a single over-long row still gets its own batch.
            var width = Math.Max(1, lengthsLongestFirst[start]);
            var count = Math.Clamp(maxPaddedTokens / width, 1, batchSize);
            count = Math.Min(count, lengthsLongestFirst.Count - start);
            plan.Add((start, count));
            start += count;
        }

        return plan;
    }
}
