using EmbedDashboard.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace EmbedDashboard.Web.Security;

/// <summary>A user as the owner's Users page lists them.</summary>
public sealed record UserSummary(string Id, string Name, AppRole? Role, DateTimeOffset? LockedOutUntil);

/// <summary>
/// What the Users page calls (Owner only, checked here): list, add, reset a password, change a role. Each call opens its
/// own scope, so a long-lived circuit never holds one Identity DbContext across operations.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, IUserAccess access, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserSummary>> ListAsync()
    {
        access.Demand(AppRole.Owner, "manage users");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var list = new List<UserSummary>();
        foreach (var user in users.Users.OrderBy(u => u.UserName).ToList())
        {
            var roles = await users.GetRolesAsync(user);
            var role = AppRoles.All.Where(r => roles.Contains(r.ToString())).Select(r => (AppRole?)r).Max();
            var locked = user.LockoutEnd is { } end && end > clock.GetUtcNow() ? end : (DateTimeOffset?)null;
            list.Add(new UserSummary(user.Id, user.UserName ?? "", role, locked));
        }

        return list;
    }

    /// <summary>Adds a user with one role; returns null, or why it was refused (name taken, weak password).</summary>
    public async Task<string?> AddAsync(string name, string password, AppRole role)
    {
        access.Demand(AppRole.Owner, "add users");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser(name.Trim());
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return OwnerBootstrap.Describe(created);
        var added = await users.AddToRoleAsync(user, role.ToString());
        return added.Succeeded ? null : OwnerBootstrap.Describe(added);
    }

    /// <summary>Sets a new password (and lifts a lock-out); returns null, or why it was refused.</summary>
    public async Task<string?> ResetPasswordAsync(string userId, string password)
    {
        access.Demand(AppRole.Owner, "reset passwords");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return "That user no longer exists.";
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        if (!reset.Succeeded) return OwnerBootstrap.Describe(reset);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return null;
    }

    /// <summary>Gives the user exactly <paramref name="role"/>; the last owner cannot be demoted (someone must manage users).</summary>
    public async Task<string?> SetRoleAsync(string userId, AppRole role)
    {
        access.Demand(AppRole.Owner, "change roles");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        if (await users.FindByIdAsync(userId) is not { } user) return "That user no longer exists.";
        var current = await users.GetRolesAsync(user);
        if (current.Contains(nameof(AppRole.Owner)) && role != AppRole.Owner && (await users.GetUsersInRoleAsync(nameof(AppRole.Owner))).Count == 1)
        {
            return "This is the only owner; make another user Owner first.";
        }

        await users.RemoveFromRolesAsync(user, current);
        var added = await users.AddToRoleAsync(user, role.ToString());
        // A changed role takes effect at the next sign-in, or within 30 minutes when Identity re-validates the cookie by its security stamp.
        await users.UpdateSecurityStampAsync(user);
        return added.Succeeded ? null : OwnerBootstrap.Describe(added);
    }
}
