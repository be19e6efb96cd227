using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace EmbedDashboard.Web.Components.Pages.Account;

/// <summary>Static (server-rendered) form: signing in sets a cookie, which needs the HTTP response, not the circuit.</summary>
public partial class LoginPage
{
    private string? _error;

    public sealed class LoginInput
    {
        [Required]
        public string UserName { get; set; } = "";

        [Required]
        public string Password { get; set; } = "";
    }

    [SupplyParameterFromForm]
    private LoginInput? Input { get; set; }

    protected override void OnInitialized() => Input ??= new LoginInput();

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    [Inject]
    public required SignInManager<IdentityUser> SignIn { get; set; }

    [Inject]
    public required NavigationManager Navigation { get; set; }

    private async Task SignInAsync()
    {
        var result = await SignIn.PasswordSignInAsync(Input!.UserName.Trim(), Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            Navigation.NavigateTo(LocalReturnUrl(ReturnUrl), forceLoad: true);
            return;
        }

        _error = result.IsLockedOut
            ? "This account is locked after repeated wrong passwords; try again later or ask the owner to reset the password."
            : "Wrong user name or password.";
    }

    /// <summary>Only a path on this site: an absolute or protocol-relative return address would send a fresh sign-in elsewhere.</summary>
    internal static string LocalReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } url && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
