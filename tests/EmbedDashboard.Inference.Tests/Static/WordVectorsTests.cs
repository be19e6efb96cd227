using System.Numerics.Tensors;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Tests.Static;

public sealed class WordVectorsTests
{
    // Four 2-d vectors written by hand; "dont" stands in for the wink vocabulary's apostrophe-less forms.
    private static WordVectors Toy() => new(["the", "good", "bad", "ünïcode", "dont", "paris"], [1, 0, 0, 1, 0, -1, 2, 2, 3, 4, 5, 5], 2);

    private static StaticWordEmbedder Embedder() => new(Toy(), new EmbedderInfo("toy", "toy", EmbedderKind.StaticWordVectors, 2, 0, "", "", ""));

    private static string TempFile() => Path.Combine(Directory.CreateTempSubdirectory().FullName, "v.edvec");

    [Fact]
    public void Save_Load_RoundTripKeepsOrderAndValues()
    {
        var path = TempFile();
        Toy().Save(path);

        var loaded = WordVectors.Load(path);

        Assert.Equal(Toy().Words, loaded.Words);
        Assert.Equal(Toy().Matrix, loaded.Matrix);
        Assert.True(loaded.TryGetIndex("ünïcode", out var i));
        Assert.Equal(3, i);
        Assert.Equal("EDVEC001"u8.ToArray(), File.ReadAllBytes(path)[..8]);
    }

    [Fact]
    public void Load_TruncatedFile_SaysTruncatedWithPath()
    {
        var path = TempFile();
        Toy().Save(path);
        File.WriteAllBytes(path, File.ReadAllBytes(path)[..^4]);

        var ex = Assert.Throws<InvalidDataException>(() => WordVectors.Load(path));

        Assert.Contains("Truncated", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void Load_OtherVersion_SaysUnsupportedVersion()
    {
        var path = TempFile();
        Toy().Save(path);
        var bytes = File.ReadAllBytes(path);
        "002"u8.CopyTo(bytes.AsSpan(5));
        File.WriteAllBytes(path, bytes);

        var ex = Assert.Throws<InvalidDataException>(() => WordVectors.Load(path));

        Assert.Contains("version '002'", ex.Message);
    }

    [Fact]
    public void Load_MissingFile_MessageHasFullPath()
    {
        var path = Path.Combine(Path.GetTempPath(), "nowhere", "vectors.edvec");

        var ex = Assert.Throws<FileNotFoundException>(() => WordVectors.Load(path));

        Assert.Contains(Path.GetFullPath(path), ex.Message);
    }

    [Fact]
    public void NormalizedVector_EveryRow_UnitLengthAndSameDirection()
    {
        var vectors = Toy();

        Assert.Equal(1f, TensorPrimitives.Norm(vectors.NormalizedVector(4)), 5);
        Assert.Equal([0.6f, 0.8f], vectors.NormalizedVector(4).ToArray()); // (3,4)/5
        Assert.Equal([3f, 4f], vectors.Vector(4).ToArray()); // the stored matrix is untouched
    }

    [Fact]
    public async Task EmbedAsync_MixedKnownAndUnknown_MeansKnownAndCountsOov()
    {
        var batch = await Embedder().EmbedAsync(["Good, BAD zzz!", "qqq"], EmbedOptions.Default with { Normalize = false });

        Assert.Equal([0f, 0f], batch.Row(0).ToArray()); // mean of (0,1) and (0,-1)
        Assert.True(batch.Missing[1]);
        Assert.False(batch.Missing[0]);
        Assert.Equal(4, batch.Stats.Tokens);
        Assert.Equal(2, batch.Stats.UnknownTokens);
        Assert.Equal(1, batch.MissingCount);
    }

    [Fact]
    public async Task EmbedAsync_ApostropheWords_FallBackToJoinedFormAndPossessiveStem()
    {
        var batch = await Embedder().EmbedAsync(["Don't", "Paris's"], EmbedOptions.Default with { Normalize = false });

        Assert.Equal([3f, 4f], batch.Row(0).ToArray()); // "don't" → "dont"
        Assert.Equal([5f, 5f], batch.Row(1).ToArray()); // "paris's" → "pariss" unknown → "paris"
        Assert.Equal(0, batch.Stats.UnknownTokens);
    }

    [Fact]
    public async Task EmbedWordsAsync_OneRowPerWord_UnknownMissing()
    {
        var batch = await Embedder().EmbedWordsAsync([["The", "zzz"], ["GOOD"]], EmbedOptions.Default);

        Assert.Equal(3, batch.Count);
        Assert.Equal([false, true, false], batch.Missing);
        Assert.Equal([0f, 1f], batch.Row(2).ToArray());
    }
}
