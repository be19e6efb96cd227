using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Tests.Static;

public sealed class WordVectorsTests
{
    private static WordVectors Toy() => new(["the", "good", "bad", "ünïcode"], [1, 0, 0, 1, 0, -1, 2, 2], 2);

    [Fact]
    public void Save_Load_RoundTripKeepsOrderAndValues()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "v.edvec");
        Toy().Save(path);

        var loaded = WordVectors.Load(path);

        Assert.Equal(Toy().Words, loaded.Words);
        Assert.Equal(Toy().Matrix, loaded.Matrix);
        Assert.True(loaded.TryGetIndex("ünïcode", out var i));
        Assert.Equal(3, i);
    }

    [Fact]
    public void Load_TruncatedFile_SaysTruncatedWithPath()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "v.edvec");
        Toy().Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^4]);

        var ex = Assert.Throws<InvalidDataException>(() => WordVectors.Load(path));

        Assert.Contains("Truncated", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public async Task EmbedAsync_MixedKnownAndUnknown_MeansKnownAndCountsOov()
    {
        var embedder = new StaticWordEmbedder(Toy(), new EmbedderInfo("toy", "toy", EmbedderKind.StaticWordVectors, 2, 0, "", "", ""));

        var batch = await embedder.EmbedAsync(["Good, BAD zzz!", "qqq"], EmbedOptions.Default with { Normalize = false });

        Assert.Equal([0f, 0f], batch.Row(0).ToArray()); // mean of (0,1) and (0,-1)
        Assert.True(batch.Missing[1]);
        Assert.False(batch.Missing[0]);
        Assert.Equal(4, batch.Stats.Tokens);
        Assert.Equal(2, batch.Stats.UnknownTokens);
    }
}
