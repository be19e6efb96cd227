using EmbedDashboard.Core.Access;
using EmbedDashboard.Runner.Sharing;
using EmbedDashboard.Web.Security;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Account;

/// <summary>The owner's page: users (add, role, reset password) and every share link (revoke). The services check the role again.</summary>
public partial class UsersPage
{
    private IReadOnlyList<UserSummary> _users = [];
    private IReadOnlyList<ShareLink> _links = [];
    private readonly Dictionary<string, string> _resets = [];
    private string? _newName;
    private string? _newPassword;
    private AppRole _newRole = AppRole.Viewer;
    private string? _message;
    private bool _failed;

    [Inject]
    public required UserAdministration Users { get; set; }

    [Inject]
    public required SharingService Sharing { get; set; }

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _users = await Users.ListAsync();
        foreach (var user in _users) _resets.TryAdd(user.Id, "");
        _links = await Sharing.ListAllAsync();
    }

    private Task AddAsync() => ActAsync(() => Users.AddAsync(_newName ?? "", _newPassword ?? "", _newRole), $"Added {_newName} as {_newRole}.");

    private Task ResetAsync(UserSummary user) => ActAsync(() => Users.ResetPasswordAsync(user.Id, _resets[user.Id]), $"New password set for {user.Name}.");

    private Task SetRoleAsync(UserSummary user, AppRole role) => ActAsync(() => Users.SetRoleAsync(user.Id, role), $"{user.Name} is now {role}.");

    private async Task RevokeAsync(string token)
    {
        await Sharing.RevokeAsync(token);
        await LoadAsync();
    }

    private async Task ActAsync(Func<Task<string?>> action, string success)
    {
        var problem = await action();
        (_failed, _message) = problem is null ? (false, success) : (true, problem);
        if (problem is null)
        {
            _newName = _newPassword = null;
            foreach (var key in _resets.Keys) _resets[key] = "";
        }

        await LoadAsync();
    }
}
