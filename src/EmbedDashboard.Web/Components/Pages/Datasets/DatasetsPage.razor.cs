using EmbedDashboard.Core.Access;
using EmbedDashboard.Core.Datasets;
using EmbedDashboard.Core.Datasets.Importers;
using EmbedDashboard.Runner.Datasets;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;

namespace EmbedDashboard.Web.Components.Pages.Datasets;

public partial class DatasetsPage : IDisposable
{
    private IReadOnlyList<DatasetInfo> _datasets = [];
    private string? _name;
    private ImportFormat? _format;
    private bool _busy;
    private string? _error;
    private DatasetInfo? _imported;
    private Timer? _statusPoll;
    private string? _testFileName;
    private byte[]? _testFile;

    [Inject]
    public required DatasetCatalog Store { get; set; }

    [Inject]
    public required DatasetImportService Importer { get; set; }

    [Inject]
    public required BuiltInDatasetStatus Status { get; set; }

    [Inject]
    public required IOptions<UploadOptions> Options { get; set; }

    private UploadOptions Limits => Options.Value;

    protected override async Task OnInitializedAsync()
    {
        _datasets = await Store.ListAsync();
        if (!Status.Done)
        {
            // The built-in import runs in the background; refresh until it is done.
            _statusPoll = new Timer(_ => InvokeAsync(async () =>
            {
                _datasets = await Store.ListAsync();
                if (Status.Done) _statusPoll?.Dispose();
                StateHasChanged();
            }), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
        }
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _busy = true;
        _error = null;
        _imported = null;
        try
        {
            if (file.Size > Limits.MaxUploadBytes)
            {
                _error = $"{file.Name} is {file.Size / 1048576.0:0.0} MB; the limit is {Limits.MaxUploadBytes / 1048576.0:0.0} MB. Nothing was imported.";
                return;
            }

            var format = _format ?? DatasetImporter.Guess(file.Name);
            if (format is null)
            {
                _error = $"Cannot tell the format of {file.Name} from its name; choose one above.";
                return;
            }

            await using var upload = file.OpenReadStream(Limits.MaxUploadBytes);
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer);
            buffer.Position = 0;
            if (_testFile is { } test)
            {
                using var testBuffer = new MemoryStream(test);
                _imported = await Importer.ImportWithTestAsync(buffer, file.Name, testBuffer, _testFileName!, format.Value, _name);
                _testFile = null;
                _testFileName = null;
            }
            else
            {
                _imported = await Importer.ImportAsync(buffer, file.Name, format.Value, _name);
            }

            _datasets = await Store.ListAsync();
        }
        catch (DatasetFormatException ex)
        {
            _error = ex.Message + " Nothing was imported.";
        }
        catch (AccessDeniedException ex)
        {
            _error = ex.Message;
        }
        catch (IOException ex)
        {
            _error = $"{file.Name} could not be read: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Held in memory until the training file is chosen; both are then imported as one dataset.</summary>
    private async Task ChooseTestFileAsync(IBrowserFile? file)
    {
        if (file is null) return;
        _error = null;
        if (file.Size > Limits.MaxUploadBytes)
        {
            _error = $"{file.Name} is {file.Size / 1048576.0:0.0} MB; the limit is {Limits.MaxUploadBytes / 1048576.0:0.0} MB.";
            return;
        }

        await using var upload = file.OpenReadStream(Limits.MaxUploadBytes);
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer);
        _testFile = buffer.ToArray();
        _testFileName = file.Name;
    }

    public void Dispose() => _statusPoll?.Dispose();
}
