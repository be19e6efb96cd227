// Small browser helpers used through JS interop (downloads of exported files).
window.embedDashboard = {
    downloadText: function (fileName, mimeType, text) {
        const blob = new Blob([text], { type: mimeType });
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = fileName;
        document.body.appendChild(a);
        a.click();
        a.remove();
        URL.revokeObjectURL(url);
    },
    // Plotly.js draws SVG itself; Plotly.Blazor's DownloadImage offers only raster formats.
    downloadPlotSvg: function (elementId, fileName) {
        const el = document.getElementById(elementId);
        if (!el || !window.Plotly) return false;
        window.Plotly.downloadImage(el, { format: 'svg', width: 900, height: 700, filename: fileName });
        return true;
    }
};
