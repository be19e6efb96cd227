using EmbedDashboard.Data.Stores;

namespace EmbedDashboard.Data.Tests;

public sealed class ShareLinkStoreTests
{
    [Fact]
    public async Task RevokeAsync_ResolvedLink_NoLongerResolves()
    {
        await using var db = await TempDatabase.CreateAsync();
        var links = db.Get<ShareLinkStore>();
        var first = await links.CreateAsync("experiment", 7);
        var second = await links.CreateAsync("experiment", 7);

        Assert.Equal(22, first.Token.Length); // 128 random bits in URL-safe base64 without padding
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(7, (await links.ResolveAsync(first.Token))!.TargetId);

        Assert.True(await links.RevokeAsync(first.Token));

        Assert.Null(await links.ResolveAsync(first.Token));
        Assert.NotNull(await links.ResolveAsync(second.Token));
        Assert.Null(await links.ResolveAsync("guessed-token"));
        Assert.False(await links.RevokeAsync(first.Token));
    }
}
