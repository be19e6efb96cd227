using System.Globalization;
using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Core.Evaluation.Metrics;
using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Cli.Commands;

/// <summary>
/// fp32 against int8 MiniLM in one run: sentences/s at each batch size and their ratio (the cache disabled, so every
/// call runs the model), then each one's Spearman ρ on an STS set (cosine of the two sentences against the gold score).
/// Each figure is the best of <c>repeats</c> passes, fp32 and int8 alternating: on a machine shared with other work the
/// fastest pass is the one least disturbed, and alternating exposes both to the same disturbances.
/// </summary>
internal static class PrecisionBench
{
    public static async Task RunAsync(OnnxSentenceEncoder fp32, OnnxSentenceEncoder int8, IReadOnlyList<string> sentences, IReadOnlyList<int> batchSizes, int repeats, string? stsFile)
    {
        Console.WriteLine($"MiniLM fp32 vs int8, best of {repeats} passes each");
        Console.WriteLine($"{"batch",5} {"fp32 sent/s",12} {"int8 sent/s",12} {"int8/fp32",10} {"fp32 tok/s",11} {"int8 tok/s",11}");
        foreach (var batchSize in batchSizes)
        {
            var options = EmbedOptions.Default with { BatchSize = batchSize };
            EmbeddingStats? a = null, b = null;
            for (var r = 0; r < repeats; r++)
            {
                a = Faster(a, (await fp32.EmbedAsync(sentences, options)).Stats);
                b = Faster(b, (await int8.EmbedAsync(sentences, options)).Stats);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{batchSize,5} {a!.TextsPerSecond,12:N0} {b!.TextsPerSecond,12:N0} {b.TextsPerSecond / a.TextsPerSecond,9:0.00}× {a.TokensPerSecond,11:N0} {b.TokensPerSecond,11:N0}"));
        }

        var (dependenceFp32, dependenceInt8) = (await BatchDependenceAsync(fp32, sentences), await BatchDependenceAsync(int8, sentences));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Batch dependence (largest distance between a sentence's vector embedded alone and in a batch of 32, first 200 sentences): fp32 {dependenceFp32:0.0000}, int8 {dependenceInt8:0.0000}"));
        if (stsFile is null || !File.Exists(stsFile))
        {
            Console.WriteLine($"STS file not found ({stsFile ?? "../shared/datasets missing"}): Spearman ρ skipped.");
            return;
        }

        await using var stream = File.OpenRead(stsFile);
        var pairs = ScoredPairImporter.ImportSts(stream, Path.GetFileName(stsFile)).Items.Where(p => p.Score is not null).ToList();
        var gold = pairs.ConvertAll(p => p.Score!.Value);
        var rhoFp32 = await SpearmanAsync(fp32, pairs.ConvertAll(p => p.A), pairs.ConvertAll(p => p.B), gold);
        var rhoInt8 = await SpearmanAsync(int8, pairs.ConvertAll(p => p.A), pairs.ConvertAll(p => p.B), gold);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"STS Spearman ρ on {Path.GetFileName(stsFile)} ({pairs.Count} pairs): fp32 {rhoFp32:0.0000}, int8 {rhoInt8:0.0000}, Δ {rhoInt8 - rhoFp32:+0.0000;-0.0000}"));
    }

    /// <summary>
    /// An alternative the int8 export was chosen against (`bench --nbits`: ONNX Runtime's MatMulNBits; `bench --per-token`:
    /// per-token activation scales), at batch 32 beside fp32, and its STS ρ.
    /// </summary>
    public static async Task CompareAsync(string label, OnnxSentenceEncoder fp32, OnnxSentenceEncoder blockwise, IReadOnlyList<string> sentences, int repeats, string? stsFile)
    {
        var options = EmbedOptions.Default with { BatchSize = 32 };
        EmbeddingStats? a = null, b = null;
        for (var r = 0; r < repeats; r++)
        {
            a = Faster(a, (await fp32.EmbedAsync(sentences, options)).Stats);
            b = Faster(b, (await blockwise.EmbedAsync(sentences, options)).Stats);
        }

        var dependence = await BatchDependenceAsync(blockwise, sentences);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} batch dependence: {dependence:0.0000}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}, batch 32: fp32 {a!.TextsPerSecond:N0} sent/s, {label} {b!.TextsPerSecond:N0} sent/s ({b.TextsPerSecond / a.TextsPerSecond:0.00}×)"));
        if (stsFile is not null && File.Exists(stsFile))
        {
            await using var stream = File.OpenRead(stsFile);
            var pairs = ScoredPairImporter.ImportSts(stream, Path.GetFileName(stsFile)).Items.Where(p => p.Score is not null).ToList();
            var rho = await SpearmanAsync(blockwise, pairs.ConvertAll(p => p.A), pairs.ConvertAll(p => p.B), pairs.ConvertAll(p => p.Score!.Value));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label} STS Spearman ρ on {Path.GetFileName(stsFile)}: {rho:0.0000}"));
        }
    }

    /// <summary>
    /// Per-tensor activation scales are shared by a batch, so an int8 vector depends a little on its batch mates; the
    /// embedding store then serves the vector of whichever batch computed it first. This prints how much (L2, unit vectors).
    /// </summary>
    private static async Task<double> BatchDependenceAsync(IEmbedder embedder, IReadOnlyList<string> sentences)
    {
        var sample = sentences.Take(200).ToList();
        var alone = await embedder.EmbedAsync(sample, EmbedOptions.Default with { BatchSize = 1 });
        var batched = await embedder.EmbedAsync(sample, EmbedOptions.Default with { BatchSize = 32 });
        return Enumerable.Range(0, sample.Count).Max(i => (double)System.Numerics.Tensors.TensorPrimitives.Distance(alone.Row(i), batched.Row(i)));
    }

    private static EmbeddingStats Faster(EmbeddingStats? best, EmbeddingStats next) =>
        best is null || next.TextsPerSecond > best.TextsPerSecond ? next : best;

    private static async Task<double> SpearmanAsync(IEmbedder embedder, List<string> a, List<string> b, List<double> gold)
    {
        var ea = await embedder.EmbedAsync(a, EmbedOptions.Default);
        var eb = await embedder.EmbedAsync(b, EmbedOptions.Default);
        var cosines = new double[a.Count];
        for (var i = 0; i < a.Count; i++)
        {
            cosines[i] = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(ea.Row(i), eb.Row(i));
        }

        return RankCorrelation.Spearman(cosines, gold);
    }
}
