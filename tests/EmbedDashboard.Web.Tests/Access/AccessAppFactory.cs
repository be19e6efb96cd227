using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Paths;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace EmbedDashboard.Web.Tests.Access;

/// <summary>The real app (Program) on a fresh SQLite file, without asset set-up or workers, with an owner made from EMBED_ADMIN_PASSWORD.</summary>
public sealed class AccessAppFactory : WebApplicationFactory<Program>
{
    public const string OwnerPassword = "Test-Owner-Password-1";
    private readonly string _folder = Directory.CreateTempSubdirectory("embeddash-access-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(AppPaths.Root());
        builder.UseSetting("Storage:ConnectionString", $"Data Source={Path.Combine(_folder, "access.db")}");
        builder.UseSetting("Setup:Skip", "true");
        builder.UseSetting("Runner:Enabled", "false");
        builder.UseSetting("Access:SignInAttemptsPerMinute", "8");
        builder.UseSetting("Access:MaxFailedAttempts", "3");
        builder.UseSetting("EMBED_ADMIN_PASSWORD", OwnerPassword);
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Posts the sign-in form as a browser would (antiforgery token and form name from the rendered page).</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string user, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        }));
    }

    /// <summary>A principal as the cookie handler would build it, for calling services as that user.</summary>
    public static ClaimsPrincipal User(string name, AppRole role) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, role.ToString())], "Identity.Application"));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; a temp folder left behind is harmless.
        }
    }

    public static bool RedirectsToSignIn(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true;
}
