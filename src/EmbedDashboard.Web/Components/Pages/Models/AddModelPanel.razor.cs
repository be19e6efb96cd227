using EmbedDashboard.Core.Access;
using EmbedDashboard.Inference.Import;
using EmbedDashboard.Runner.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace EmbedDashboard.Web.Components.Pages.Models;

/// <summary>
/// Upload or name a model, say what it is, import it. Uploads are staged in a private temporary folder (file
/// names only, no paths) and the library imports from there exactly as `embeddash models add` does.
/// </summary>
public partial class AddModelPanel : IDisposable
{
    private bool _busy;
    private string? _error;
    private string? _progress;
    private ImportedManifest? _added;
    private CancellationTokenSource? _cancel;

    [Inject]
    public required ModelLibrary Library { get; set; }

    /// <summary>Called after a model was added, so the page lists it.</summary>
    [Parameter, EditorRequired]
    public required EventCallback Added { get; set; }

    private AddModelForm Form { get; set; } = new();

    private async Task StageAsync(IReadOnlyList<IBrowserFile>? files)
    {
        if (files is null || files.Count == 0) return;
        _error = null;
        _added = null;
        var total = files.Sum(f => f.Size);
        if (total > Library.MaxUploadBytes)
        {
            _error = $"The files are {total / 1048576.0:0.0} MB together; the limit is {Library.MaxUploadBytes / 1048576.0:0.0} MB (Models:MaxUploadBytes). Nothing was uploaded.";
            return;
        }

        var duplicate = files.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            _error = $"Two files are named {duplicate.Key}; upload a .zip of the folder to keep sub-folders apart.";
            return;
        }

        ClearStaging();
        _busy = true;
        _progress = "Uploading…";
        try
        {
            Form.StagingFolder = Directory.CreateTempSubdirectory("embeddash-upload-").FullName;
            foreach (var file in files)
            {
                var name = Path.GetFileName(file.Name);
                await using var input = file.OpenReadStream(Library.MaxUploadBytes);
                await using var output = File.Create(Path.Combine(Form.StagingFolder, name));
                await input.CopyToAsync(output);
                Form.Staged.Add((name, file.Size));
            }

            if (string.IsNullOrWhiteSpace(Form.DisplayName)) Form.DisplayName = Path.GetFileNameWithoutExtension(Form.Staged[0].Name);
        }
        catch (IOException ex)
        {
            _error = $"The upload failed: {ex.Message}. Nothing was imported.";
            ClearStaging();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ImportAsync()
    {
        var path = Form.ImportPath();
        if (path is null) return;
        _busy = true;
        _error = null;
        _added = null;
        _cancel = new CancellationTokenSource();
        var progress = new Progress<string>(m => InvokeAsync(() => { _progress = m; StateHasChanged(); }));
        try
        {
            var from = Form.FromServerFolder ? path : "upload: " + string.Join(", ", Form.Staged.Select(f => f.Name));
            var request = Form.ToRequest(path, from);
            _added = Form.FromServerFolder
                ? await Library.ImportServerPathAsync(request, progress, _cancel.Token)
                : await Library.ImportAsync(request, progress, _cancel.Token);
            ClearStaging();
            Form = new AddModelForm();
            await Added.InvokeAsync();
        }
        catch (ModelImportException ex)
        {
            _error = ex.Message + " Nothing was added.";
        }
        catch (AccessDeniedException ex)
        {
            _error = ex.Message;
        }
        catch (OperationCanceledException)
        {
            _error = "Cancelled; nothing was added.";
        }
        finally
        {
            _busy = false;
            _cancel.Dispose();
            _cancel = null;
        }
    }

    private void Cancel() => _cancel?.Cancel();

    private void ClearStaging()
    {
        if (Form.StagingFolder is { } folder) ImportedModelStore.TryDelete(folder);
        Form.StagingFolder = null;
        Form.Staged.Clear();
    }

    public void Dispose()
    {
        _cancel?.Cancel();
        ClearStaging();
    }
}
