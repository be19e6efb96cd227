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
    }
};
