# Runs idc-index's own manifest reading on a manifest file, offline: IDCClient() loads the index idc-index-data
# ships, and _validate_update_manifest_and_get_download_size (what `idc download-from-manifest` runs before
# s5cmd) parses the file, resolves every line's crdc_series_uuid against that index, picks the endpoint and
# writes the s5cmd commands it would run. Nothing is downloaded. Prints JSON.
# usage: idc-validate-manifest.py MANIFEST DOWNLOAD_DIR
import json, logging, sys
logging.disable(logging.WARNING)
from idc_index import index

manifest, download_dir = sys.argv[1], sys.argv[2]
client = index.IDCClient()
total_mb, endpoint, commands_file, _dirs, resolved = client._validate_update_manifest_and_get_download_size(
    manifestFile=manifest, downloadDir=download_dir, validate_manifest=True, use_s5cmd_sync=False, dirTemplate=index.IDCClient.DOWNLOAD_HIERARCHY_DEFAULT)
series = client.index.set_index("crdc_series_uuid").loc[resolved["index_crdc_series_uuid"].dropna(), "SeriesInstanceUID"].tolist()
json.dump({
    "idcVersion": client.get_idc_version(),
    "lines": len(resolved),
    "unresolved": int(resolved["index_crdc_series_uuid"].isna().sum()),
    "endpoint": endpoint,
    "totalMB": float(total_mb),
    "seriesInstanceUids": series,
    "commands": open(commands_file).read().splitlines()[:3],
}, sys.stdout)
