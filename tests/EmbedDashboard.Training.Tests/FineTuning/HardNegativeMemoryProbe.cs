using EmbedDashboard.Training.FineTuning;
using Xunit.Abstractions;

namespace EmbedDashboard.Training.Tests.FineTuning;

/// <summary>
/// Runs only when EMBED_FT_BENCH=1: the working set while MiniLM mines hard negatives among long passages. Measured on
/// 2 shared cores: 541 MB → 2,743 MB (64 passages) → 3,802 MB (320) before the miner trimmed glibc's arenas; 541 → 557 → 562 MB after.
/// </summary>
public sealed class HardNegativeMemoryProbe(ITestOutputHelper output)
{
    [BenchmarkFact]
    public void Mine_ManyLongPassages_ReportsWorkingSet()
    {
        FineTuneFixtures.InitTorch();
        var tokenizer = new FineTuneTokenizer(FineTuneFixtures.VocabPath);
        using var encoder = TorchBertEncoder.FromWeights(FineTuneFixtures.MiniLm);
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => $"word{i % 37} market{i % 11}"));
        var passages = Enumerable.Range(0, 320).Select(i => tokenizer.ContentIds($"{i} {words}", 128)).ToArray();
        var queries = passages.Take(32).ToArray();
        var before = Environment.WorkingSet;
        HardNegativeMiner.Mine(encoder, tokenizer, queries, passages.Take(64).ToList(), Enumerable.Range(0, 32).ToArray(), CancellationToken.None);
        var afterSmall = Environment.WorkingSet;
        HardNegativeMiner.Mine(encoder, tokenizer, queries, passages, Enumerable.Range(0, 32).ToArray(), CancellationToken.None);
        var afterLarge = Environment.WorkingSet;
        output.WriteLine($"working set: {before / 1e6:0} MB → {afterSmall / 1e6:0} MB (64 passages) → {afterLarge / 1e6:0} MB (320 passages)");
    }
}
