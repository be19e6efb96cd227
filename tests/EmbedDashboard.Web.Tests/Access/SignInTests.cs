using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace EmbedDashboard.Web.Tests.Access;

public sealed class SignInTests(AccessAppFactory app) : IClassFixture<AccessAppFactory>
{
    [Fact]
    public async Task FirstStart_AdminPasswordSet_OwnerCreatedWithHashedPassword()
    {
        using var client = app.Anonymous();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var owner = await users.FindByNameAsync("owner");
        Assert.NotNull(owner);
        Assert.True(await users.IsInRoleAsync(owner, "Owner"));
        Assert.DoesNotContain(AccessAppFactory.OwnerPassword, owner.PasswordHash!);
        Assert.True(await users.CheckPasswordAsync(owner, AccessAppFactory.OwnerPassword));
        // Identity's v3 format (PBKDF2 with a salt): a leaked database does not give the password away.
        Assert.Equal(0x01, Convert.FromBase64String(owner.PasswordHash!)[0]);
    }

    [Fact]
    public async Task SignIn_RightPassword_CookieOpensPages()
    {
        using var client = app.Anonymous();
        var signIn = await AccessAppFactory.PostSignInAsync(client, "owner", AccessAppFactory.OwnerPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("embeddash.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/experiments")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_Refused()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["Input.UserName"] = "owner",
            ["Input.Password"] = AccessAppFactory.OwnerPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var c) ? c : [], v => v.StartsWith("embeddash.auth=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_RepeatedWrongPasswords_LocksOutThenThrottles()
    {
        // Its own app: the per-address limit it uses up would otherwise refuse the other tests' sign-ins.
        await using var app = new AccessAppFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            var victim = new IdentityUser("victim");
            Assert.True((await users.CreateAsync(victim, "Victim-Password-1")).Succeeded);
        }

        using var client = app.Anonymous();
        // Access:MaxFailedAttempts is 3 in this host: the 3rd wrong password locks the account …
        for (var i = 0; i < 2; i++)
        {
            var wrong = await AccessAppFactory.PostSignInAsync(client, "victim", "not-the-password");
            Assert.Contains("Wrong user name or password", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var third = await AccessAppFactory.PostSignInAsync(client, "victim", "not-the-password");
        Assert.Contains("locked", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // … so even the right one is refused now.
        var locked = await AccessAppFactory.PostSignInAsync(client, "victim", "Victim-Password-1");
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByNameAsync("victim"))!));
        }

        // Access:SignInAttemptsPerMinute is 8: the address is throttled within this minute whatever the account.
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8 && last?.StatusCode != HttpStatusCode.TooManyRequests; i++)
        {
            last = await AccessAppFactory.PostSignInAsync(client, "someone-else", "guess-" + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("Too many sign-in attempts", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/experiments/3", "/experiments/3")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example/", "/")]
    [InlineData(null, "/")]
    public void LocalReturnUrl_OffSiteAddress_GoesHome(string? returnUrl, string expected) =>
        Assert.Equal(expected, Components.Pages.Account.LoginPage.LocalReturnUrl(returnUrl));
}
