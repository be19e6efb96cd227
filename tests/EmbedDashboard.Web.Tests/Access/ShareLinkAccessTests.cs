using System.Net;
using EmbedDashboard.Core.Access;
using EmbedDashboard.Data.Stores;
using EmbedDashboard.Runner.Sharing;
using EmbedDashboard.Web.Security;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Web.Tests.Access;

/// <summary>A share link shows the state frozen on the server and nothing else, and stops at revocation or expiry.</summary>
public sealed class ShareLinkAccessTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>
{
    private async Task<ShareLink> ShareProbeAsync(string query)
    {
        _ = app.Server;
        CurrentUser.Principal = AccessAppFactory.User("owner", AppRole.Owner);
        return await app.Services.GetRequiredService<SharingService>().CreateAsync("probe-neighbours", 0, $"probes?q={query}&k=7&vocab=words", TimeSpan.FromDays(1));
    }

    [Fact]
    public async Task SharedView_QueryInAddress_IgnoredForTheFrozenState()
    {
        var link = await ShareProbeAsync("frozenword");
        using var client = app.Anonymous();
        var html = await client.GetStringAsync($"/s/{link.Token}?q=otherword&k=50&vocab=sentences");
        Assert.Contains("frozenword", html, StringComparison.Ordinal);
        Assert.Contains("k = 7", html, StringComparison.Ordinal);
        Assert.DoesNotContain("otherword", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"probe-query\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SharedView_HolderCookie_OpensTheCircuitButNoPageOrApi()
    {
        var link = await ShareProbeAsync("holder");
        using var client = app.Anonymous();
        var opened = await client.GetAsync($"/s/{link.Token}");
        Assert.Contains(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith("embeddash.share=", StringComparison.Ordinal) && c.Contains("samesite=strict", StringComparison.OrdinalIgnoreCase));

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.True(AccessAppFactory.RedirectsToSignIn(await client.GetAsync("/experiments")));
        Assert.True(AccessAppFactory.RedirectsToSignIn(await client.GetAsync("/probes?q=holder")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/experiments/1/results.csv")).StatusCode);
    }

    [Fact]
    public async Task SharedView_RevokedOrExpired_Refused()
    {
        var revoked = await ShareProbeAsync("revokedword");
        // The helper's sign-in does not flow back out of its async call; act as the owner here too.
        CurrentUser.Principal = AccessAppFactory.User("owner", AppRole.Owner);
        Assert.True(await app.Services.GetRequiredService<SharingService>().RevokeAsync(revoked.Token));
        var expired = await app.Services.GetRequiredService<ShareLinkStore>()
            .CreateAsync("probe-neighbours", 0, "probes?q=expiredword&k=7&vocab=words", DateTimeOffset.UtcNow.AddMinutes(-1), "owner");

        using var client = app.Anonymous();
        foreach (var token in new[] { revoked.Token, expired.Token, "not-a-token" })
        {
            var response = await client.GetAsync($"/s/{token}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains("has expired or has been revoked", html, StringComparison.Ordinal);
            Assert.DoesNotContain("word</", html, StringComparison.Ordinal);
            Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("embeddash.share=", StringComparison.Ordinal)));
        }
    }
}
