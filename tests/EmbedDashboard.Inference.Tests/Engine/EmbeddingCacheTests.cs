using EmbedDashboard.Inference.Engine;

namespace EmbedDashboard.Inference.Tests.Engine;

public sealed class EmbeddingCacheTests
{
    [Fact]
    public void Key_SameInput_SameKey_OtherOptionsOrEmbedder_OtherKey()
    {
        var key = EmbeddingCache.Key("m", "Mean|True|256", "hello");

        Assert.Equal(key, EmbeddingCache.Key("m", "Mean|True|256", "hello"));
        Assert.NotEqual(key, EmbeddingCache.Key("m", "Cls|True|256", "hello"));
        Assert.NotEqual(key, EmbeddingCache.Key("g", "Mean|True|256", "hello"));
        // SHA-256("hello") = 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 (sha256sum).
        Assert.EndsWith("2CF24DBA5FB0A30E26E83B2AC5B9E29E1B161E5C1FA7425E73043362938B9824", key);
    }

    [Fact]
    public void Add_Disabled_StoresNothing()
    {
        var cache = EmbeddingCache.Disabled();

        cache.Add("k", [1f]);

        Assert.False(cache.TryGet("k", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Add_BeyondBudget_OldestDroppedAndCountBounded()
    {
        // 100 floats = 400 bytes + key + overhead ≈ 500 bytes an entry; 10 kB budget → ~10 per generation.
        var cache = new EmbeddingCache(10_000);
        for (var i = 0; i < 1000; i++)
        {
            cache.Add($"k{i}", new float[100]);
        }

        Assert.InRange(cache.Count, 1, 25);
        Assert.False(cache.TryGet("k0", out _));
        Assert.True(cache.TryGet("k999", out _));
    }

    [Fact]
    public void TryGet_HotEntry_SurvivesRotation()
    {
        var cache = new EmbeddingCache(10_000);
        cache.Add("hot", [42f]);
        for (var i = 0; i < 200; i++)
        {
            cache.Add($"k{i}", new float[100]);
            Assert.True(cache.TryGet("hot", out _)); // every hit in the old generation promotes it
        }

        Assert.True(cache.TryGet("hot", out var vector));
        Assert.Equal([42f], vector);
    }
}
