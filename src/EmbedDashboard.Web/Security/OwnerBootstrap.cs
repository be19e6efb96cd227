using System.Security.Cryptography;
using EmbedDashboard.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace EmbedDashboard.Web.Security;

/// <summary>
/// First start with no user: creates the roles and the owner account, named by EMBED_ADMIN_USER (default "owner"), with
/// the password in EMBED_ADMIN_PASSWORD — or, without one, a random password printed once on the console. Never a
/// default password.
/// </summary>
public static class OwnerBootstrap
{
    public const string UserVariable = "EMBED_ADMIN_USER";
    public const string PasswordVariable = "EMBED_ADMIN_PASSWORD";

    public static async Task EnsureAsync(IServiceProvider services, IConfiguration configuration, ILogger logger)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in AppRoles.All)
        {
            if (!await roles.RoleExistsAsync(role.ToString())) Check(await roles.CreateAsync(new IdentityRole(role.ToString())));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (users.Users.Any()) return;

        var name = configuration[UserVariable] is { Length: > 0 } n ? n : "owner";
        var password = configuration[PasswordVariable];
        var generated = string.IsNullOrEmpty(password);
        password = generated ? RandomPassword() : password;
        var owner = new IdentityUser(name);
        var created = await users.CreateAsync(owner, password!);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException($"{PasswordVariable} was refused for the owner account: {Describe(created)}");
        }

        Check(await users.AddToRoleAsync(owner, AppRole.Owner.ToString()));
        if (generated)
        {
            logger.LogWarning("No user existed: created the owner account '{User}' with the one-time password {Password} — sign in at /account/login and change it on the Users page (or set {Variable} before the first start).", name, password, PasswordVariable);
        }
        else
        {
            logger.LogInformation("Created the owner account '{User}' from {Variable}.", name, PasswordVariable);
        }
    }

    // 18 random bytes in base64 plus a fixed tail that meets every character class the password rules ask for.
    private static string RandomPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', 'x').Replace('/', 'y') + "-Aa1";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(Describe(result));
    }

    internal static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
