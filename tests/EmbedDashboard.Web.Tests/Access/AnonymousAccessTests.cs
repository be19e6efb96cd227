using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Web.Tests.Access;

/// <summary>Walks every endpoint the app maps, so a page or API added later without protection fails here.</summary>
public sealed class AnonymousAccessTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>
{
    // The only ways in without signing in: the form itself, the refusal page, a share link (and its export), health.
    private static readonly HashSet<string> OpenOnPurpose = ["/account/login", "/account/denied", "/s/{Token}", "/s/{token}/results.{format}", "/healthz"];

    private IReadOnlyList<RouteEndpoint> Endpoints()
    {
        _ = app.Server; // builds the host
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Static files (CSS, scripts) carry no data and the sign-in form needs them.
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .ToList();
    }

    [Fact]
    public void Endpoints_AllowAnonymous_OnlyTheDeliberateOnes()
    {
        var anonymous = Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/')).ToHashSet();
        Assert.Equal(OpenOnPurpose.Order(), anonymous.Order());
    }

    [Fact]
    public async Task AnonymousRequest_EveryOtherEndpoint_RedirectedToSignInOr401()
    {
        using var client = app.Anonymous();
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{\*?\*?([A-Za-z]+)(:[a-z]+)?\??\}", m => m.Groups[2].Value == ":int" ? "1" : m.Groups[1].Value == "format" ? "csv" : "x");
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            foreach (var method in methods.Where(m => m is "GET" or "POST"))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method == "POST") request.Content = new FormUrlEncodedContent([]);
                using var response = await client.SendAsync(request);
                Assert.True(
                    AccessAppFactory.RedirectsToSignIn(response) || response.StatusCode == HttpStatusCode.Unauthorized,
                    $"{method} {path} (from {pattern}) answered {(int)response.StatusCode} {response.Headers.Location} to an anonymous request.");
                checkedCount++;
            }
        }

        // Pages, the API export, sign-out and the Blazor hub's endpoints at least.
        Assert.True(checkedCount >= 15, $"only {checkedCount} endpoints checked");
    }

    [Fact]
    public async Task AnonymousRequest_ApiAndHub_Get401NotARedirect()
    {
        using var client = app.Anonymous();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/experiments/1/results.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null)).StatusCode);
    }
}
