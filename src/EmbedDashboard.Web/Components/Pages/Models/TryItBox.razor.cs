using EmbedDashboard.Web.Services;
using Microsoft.AspNetCore.Components;

namespace EmbedDashboard.Web.Components.Pages.Models;

public partial class TryItBox
{
    private string _first = "A man is playing a guitar.";
    private string _second = "Someone is strumming a guitar.";
    private bool _busy;
    private IReadOnlyList<PairSimilarity>? _results;

    [Inject]
    public required SimilarityComparer Comparer { get; set; }

    private async Task CompareAsync()
    {
        _busy = true;
        try
        {
            _results = await Comparer.CompareAsync(_first ?? "", _second ?? "");
        }
        finally
        {
            _busy = false;
        }
    }
}
