using Bunit;
using EmbedDashboard.Core.Embeddings;
using EmbedDashboard.Web.Components.Pages.Models;
using EmbedDashboard.Web.Services;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace EmbedDashboard.Web.Tests;

public sealed class ModelsPageTests
{
    private static readonly EmbedderInfo Sentence = new("enc", "Encoder A", EmbedderKind.SentenceEncoder, 384, 90L << 20, "0123456789abcdef0123", "npm pkg@1", "Apache-2.0");
    private static readonly EmbedderInfo Static = new("vec", "Vectors B", EmbedderKind.StaticWordVectors, 100, 140L << 20, "fedcba9876543210fedc", "npm other@2", "PDDL");

    private static BunitContext CreateContext(IReadOnlyList<string>? errors = null)
    {
        var ctx = MudTestContext.Create();
        // Texts "a"/"b": encoder vectors (1,0),(1,1) → cos 0.7071; static has no vector for "b".
        var registry = new FakeRegistry(
        [
            new TableEmbedder(Sentence, new Dictionary<string, float[]> { ["a"] = [1, 0], ["b"] = [1, 1] }),
            new TableEmbedder(Static, new Dictionary<string, float[]> { ["a"] = [0, 1] }),
        ], errors);
        ctx.Services.AddSingleton<IEmbedderRegistry>(registry);
        ctx.Services.AddSingleton<SimilarityComparer>();
        return ctx;
    }

    [Fact]
    public async Task Render_TwoInstalledModels_ListsDimensionSizeSourceAndLicence()
    {
        await using var ctx = CreateContext();

        var page = ctx.Render<ModelsPage>();

        var rows = page.FindAll("[data-testid=models-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Encoder A", rows[0].TextContent);
        Assert.Contains("384", rows[0].TextContent);
        Assert.Contains("90.0 MiB", rows[0].TextContent);
        Assert.Contains("Apache-2.0", rows[0].TextContent);
        Assert.Contains("general", rows[0].TextContent);
        Assert.Contains("npm other@2", rows[1].TextContent);
    }

    [Fact]
    public async Task Render_LoadError_ShowsItWithPath()
    {
        await using var ctx = CreateContext(["Model file not found: /x/models/minilm/model.onnx"]);

        var page = ctx.Render<ModelsPage>();

        Assert.Contains("/x/models/minilm/model.onnx", page.Find("[data-testid=model-load-error]").TextContent);
    }

    // MudTextField puts user attributes on the input itself (a textarea when Lines > 1).
    private static string Field(string id) => $"textarea[data-testid={id}], input[data-testid={id}], [data-testid={id}] textarea, [data-testid={id}] input";

    [Fact]
    public async Task Compare_TwoTexts_ShowsCosinePerModelAndOovProblem()
    {
        await using var ctx = CreateContext();
        var box = ctx.Render<TryItBox>();
        box.Find(Field("try-first")).Change("a");
        box.Find(Field("try-second")).Change("b");

        await box.Find("[data-testid=try-compare]").ClickAsync(new());

        box.WaitForAssertion(() => Assert.Equal(2, box.FindAll("[data-testid=try-row]").Count));
        var cosines = box.FindAll("[data-testid=try-cosine]").Select(c => c.TextContent).ToList();
        Assert.Equal("0.707", cosines[0]); // cos((1,0),(1,1)) = 1/sqrt(2)
        Assert.Equal("—", cosines[1]);
        Assert.Contains("out of vocabulary", box.FindAll("[data-testid=try-row]")[1].TextContent);
    }
}
