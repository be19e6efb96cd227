using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using EmbedDashboard.Core.Paths;
using Microsoft.Playwright;

namespace EmbedDashboard.E2E.Tests;

/// <summary>
/// Starts the real web app (its own process, Production environment, a fresh SQLite file) on a free
/// loopback port, and Debian's Chromium through Playwright. Shared by the browser tests.
/// </summary>
public sealed class AppServerFixture : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly StringBuilder _log = new();
    private Process? _process;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public string DataFolder { get; } = Directory.CreateTempSubdirectory("embeddash-e2e-").FullName;
    public IBrowser Browser { get; private set; } = null!;

    public string ServerLog
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    private string TempModelsFolder(string root)
    {
        var models = Path.Combine(DataFolder, "models");
        Directory.CreateDirectory(models);
        foreach (var id in new[] { "glove-6b-100d", "minilm-l6-v2" })
        {
            var link = Path.Combine(models, id);
            if (!Directory.Exists(link)) Directory.CreateSymbolicLink(link, Path.Combine(root, "models", id));
        }

        return models;
    }

    public async Task InitializeAsync()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException($"{chromium} is missing: install Debian's chromium (`apt-get install -y chromium`); .ci/run does this.");
        }

        var root = AppPaths.Root();
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var webDll = Path.Combine(root, "src", "EmbedDashboard.Web", "bin", BuildConfiguration(), "net10.0", "EmbedDashboard.Web.dll");
        if (!File.Exists(webDll))
        {
            throw new FileNotFoundException($"Build the web app first; not found: {webDll}");
        }

        var start = new ProcessStartInfo("dotnet", [webDll, "--urls", BaseUrl])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Production on purpose: static assets must be served outside Development too.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The first start creates the owner from this; the browser tests sign in as the owner (see OpenAsync).
        start.Environment["EMBED_ADMIN_PASSWORD"] = OwnerPassword;
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(DataFolder, "e2e.db")}";
        // Trained embedders go to a temp models folder (linking the installed ones), not the user's models/.
        start.Environment["Models__Directory"] = TempModelsFolder(root);
        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the web app.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitForHealthAsync(TimeSpan.FromMinutes(5));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
        _ownerState = await SignInStateAsync("owner", OwnerPassword);
    }

    public const string OwnerPassword = "E2e-Owner-Password-1";

    private string? _ownerState;

    /// <summary>Signs in through the real form once and keeps the cookies, so each test's fresh context starts signed in.</summary>
    public async Task<string> SignInStateAsync(string user, string password)
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + "/account/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#sign-in");
        // The redirect home is the success (the cookie came with it); waiting for home to finish loading as well timed
        // out once when the whole suite ran beside the first start's dataset seeding on 2 cores.
        await page.WaitForURLAsync(BaseUrl + "/", new PageWaitForURLOptions { Timeout = 120_000, WaitUntil = WaitUntilState.Commit });
        return await context.StorageStateAsync();
    }

    /// <summary>A fresh context signed in as the owner.</summary>
    public Task<IBrowserContext> SignedInContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 }, StorageState = _ownerState });

    /// <summary>A page in a fresh context signed in as the owner, navigated and interactive (SignalR circuit up).</summary>
    public async Task<IPage> OpenAsync(string path, IBrowserContext? context = null)
    {
        context ??= await SignedInContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(BaseUrl + path);
        await WaitInteractiveAsync(page);
        return page;
    }

    /// <summary>
    /// Sets a file on the Blazor <c>InputFile</c> that <paramref name="selector"/> finds, once the framework's script has
    /// attached its change listener (it marks the element with <c>_blazorInputFileNextFileId</c>). A file set before
    /// that is silently lost: on a cold server the first upload of a CI run waited 30 s for a result that never came.
    /// </summary>
    public static async Task SetUploadFileAsync(IPage page, string selector, string path)
    {
        var input = page.Locator(selector).First;
        await input.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        await page.WaitForFunctionAsync("el => el._blazorInputFileNextFileId !== undefined", await input.ElementHandleAsync(), new PageWaitForFunctionOptions { Timeout = 60_000 });
        await input.SetInputFilesAsync(path);
    }

    public static Task WaitInteractiveAsync(IPage page) =>
        page.Locator("[data-testid=circuit-ready]", new PageLocatorOptions { HasTextString = "live" }).WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });

    private async Task WaitForHealthAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The web app exited with code {_process.ExitCode}:\n{ServerLog}");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The web app did not answer within {timeout}:\n{ServerLog}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Debug or Release, the same as this test assembly was built with.</summary>
    private static string BuildConfiguration() =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AppServerCollection : ICollectionFixture<AppServerFixture>
{
    public const string Name = "app server";
}
