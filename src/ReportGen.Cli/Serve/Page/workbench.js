// The workbench page (docs/serve.md): sends the chosen files to the endpoints and shows what comes back.
// Every text from the server or a workbook is set with textContent, never as markup.
'use strict';

(() => {
  const token = new URLSearchParams(location.search).get('token');
  const $ = (id) => document.getElementById(id);
  const statusOf = (section) => $(section).querySelector('.status');
  const severityNames = { error: '错误', warning: '警告', info: '提示' };
  const severityOrder = { error: 0, warning: 1, info: 2 };

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // One request with its progress in the section's status line: upload percentage, then the seconds the job has
  // taken so far. Resolves with the response (never rejects).
  let maxUploadBytes = 50 * 1024 * 1024;

  function send(method, url, body, status, working, headers) {
    if (body) {
      let size = 0;
      for (const value of body.values()) size += value instanceof Blob ? value.size : String(value).length;
      if (size > maxUploadBytes) {
        return Promise.resolve({ ok: false, status: 413, blob: new Blob([JSON.stringify({
          error: `所选文件太大：每次最多 ${Math.round(maxUploadBytes / 1024 / 1024)} MB（工作簿和目标表合计）。` })]), header: () => null });
      }
    }
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      xhr.responseType = 'blob';
      if (token) xhr.setRequestHeader('X-ReportGen-Token', token);
      for (const [name, value] of Object.entries(headers || {})) xhr.setRequestHeader(name, value);
      const started = Date.now();
      let timer = null;
      const bar = element('progress');
      bar.max = 100;
      bar.value = 0;
      const text = element('span', '正在上传…');
      const waiting = () => {
        bar.removeAttribute('value');
        const tick = () => { text.textContent = `${working}…（已用 ${Math.round((Date.now() - started) / 1000)} 秒）`; };
        tick();
        timer = setInterval(tick, 1000);
      };
      if (status) status.replaceChildren(bar, text);
      if (body) {
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable) {
            const percent = Math.round((event.loaded * 100) / event.total);
            bar.value = percent;
            text.textContent = `正在上传 ${percent}%`;
          }
        };
        xhr.upload.onload = waiting;
      } else {
        waiting();
      }
      const done = (ok) => {
        clearInterval(timer);
        resolve({
          ok: ok && xhr.status >= 200 && xhr.status < 300,
          status: ok ? xhr.status : 0,
          blob: xhr.response,
          header: (name) => xhr.getResponseHeader(name),
        });
      };
      xhr.onload = () => done(true);
      xhr.onerror = () => done(false);
      xhr.send(body);
    });
  }

  // The server's sentence (and findings, when a workbook's checks are why) from a failed response.
  async function failureOf(response) {
    if (response.status === 0) {
      return { message: '无法连接工作台：ReportGen 可能已经停止。请重新运行 reportgen serve，然后刷新本页。' };
    }
    const text = response.blob ? await response.blob.text() : '';
    try {
      const json = JSON.parse(text);
      return { message: json.error || text, findings: json.findings };
    } catch {
      return { message: text || `请求没有完成（状态 ${response.status}）。` };
    }
  }

  async function showFailure(status, response) {
    const failure = await failureOf(response);
    const nodes = [element('p', failure.message, 'error')];
    if (failure.findings && failure.findings.length) nodes.push(findingsTable(failure.findings));
    status.replaceChildren(...nodes);
  }

  function fileNameOf(disposition) {
    if (!disposition) return null;
    const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="?([^";]+)"?/i.exec(disposition);
    return plain ? plain[1] : null;
  }

  function summaryOf(response) {
    const summary = response.header('X-ReportGen-Summary');
    return summary ? decodeURIComponent(summary) : '';
  }

  // Saves the response's file through the browser's download.
  function download(response, fallback) {
    const name = fileNameOf(response.header('Content-Disposition')) || fallback;
    const url = URL.createObjectURL(response.blob);
    const link = element('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    return name;
  }

  function findingsTable(findings) {
    const table = element('table', undefined, 'findings');
    const head = element('thead');
    const headRow = element('tr');
    for (const title of ['严重程度', '代码', '位置', '说明']) headRow.append(element('th', title));
    head.append(headRow);
    const body = element('tbody');
    const sorted = [...findings].sort((a, b) => (severityOrder[a.severity] ?? 3) - (severityOrder[b.severity] ?? 3));
    for (const finding of sorted) body.append(findingRow(finding));
    table.append(head, body);
    return table;
  }

  function findingRow(finding) {
    const row = element('tr', undefined, `sev-${finding.severity}`);
    row.append(
      element('td', severityNames[finding.severity] || finding.severity),
      element('td', finding.code),
      element('td', finding.location, 'where'),
      element('td', finding.message));
    return row;
  }

  async function busy(button, work) {
    button.disabled = true;
    try {
      await work();
    } finally {
      button.disabled = false;
    }
  }

  // 1 新建工作簿
  $('new-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const button = event.submitter || $('new-form').querySelector('button');
    busy(button, async () => {
      const status = statusOf('new');
      const data = new FormData();
      data.append('department', $('new-department').value);
      data.append('year', $('new-year').value);
      data.append('unit', $('new-unit').value);
      const response = await send('POST', 'api/new', data, status, '正在新建');
      if (!response.ok) return showFailure(status, response);
      download(response, '新建工作簿.xlsx');
      status.replaceChildren(element('p', summaryOf(response), 'ok'));
    });
  });

  // 2 导入目标表
  $('import-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const button = event.submitter || $('import-form').querySelector('button');
    busy(button, async () => {
      const status = statusOf('import');
      const summary = $('import-summary');
      summary.hidden = true;
      const forms = $('import-forms').files;
      if (!forms.length) {
        status.replaceChildren(element('p', '请先选择要导入的年初绩效目标表（可多选）。', 'error'));
        return;
      }
      const data = new FormData();
      const workbook = $('import-workbook').files[0];
      if (workbook) data.append('workbook', workbook);
      for (const form of forms) data.append('forms', form);
      const response = await send('POST', 'api/import', data, status, '正在导入');
      if (!response.ok) return showFailure(status, response);
      const name = download(response, '工作簿.xlsx');
      const errors = Number(response.header('X-ReportGen-Errors') || '0');
      status.replaceChildren(element('p', errors > 0
        ? `已下载 ${name}。目标表有 ${errors} 个错误（见下方），请核对目标表后重新导入。`
        : `已下载 ${name}：目标已导入。`, errors > 0 ? 'error' : 'ok'));
      summary.textContent = summaryOf(response);
      summary.hidden = false;
    });
  });

  // The workbook and template that 检查, 预览 and 生成 share.
  function chosenWorkbook(status) {
    const file = $('workbook-file').files[0];
    if (!file) {
      status.replaceChildren(element('p', '请先在“年终工作簿”中选择工作簿（.xlsx 或 .xls）。', 'error'));
      return null;
    }
    const data = new FormData();
    data.append('workbook', file);
    return data;
  }

  const templateQuery = () => `template=${encodeURIComponent($('template').value || 'default')}`;

  // 3 检查
  $('check-run').addEventListener('click', (event) => busy(event.currentTarget, async () => {
    const status = statusOf('check');
    const result = $('check-result');
    result.hidden = true;
    const data = chosenWorkbook(status);
    if (!data) return;
    const response = await send('POST', `api/check?${templateQuery()}`, data, status, '正在检查');
    if (!response.ok) return showFailure(status, response);
    const report = JSON.parse(await response.blob.text());
    status.replaceChildren(element('p', `检查 ${report.file}（${report.department}，${report.year}年度），模板 ${$('template').value}`));
    const verdict = $('check-verdict');
    const counts = `${report.errors} 个错误、${report.warnings} 个警告、${report.infos} 个提示`;
    if (report.findings.length === 0) {
      verdict.textContent = `未发现问题（${counts}），可以生成报告。`;
      verdict.className = 'verdict clean';
    } else if (report.errors > 0) {
      verdict.textContent = `共 ${counts}。请先在工作簿中修正错误，再生成报告。`;
      verdict.className = 'verdict has-errors';
    } else {
      verdict.textContent = `共 ${counts}。没有错误，可以生成报告；警告说明报告中哪些内容仍需补充。`;
      verdict.className = 'verdict';
    }
    const table = $('check-findings');
    table.tBodies[0].replaceChildren(...[...report.findings]
      .sort((a, b) => (severityOrder[a.severity] ?? 3) - (severityOrder[b.severity] ?? 3))
      .map(findingRow));
    table.hidden = report.findings.length === 0;
    result.hidden = false;
  }));

  // 4 预览: the server keeps the page, which the frame loads by its own address (its own policy, no script).
  $('preview-run').addEventListener('click', (event) => busy(event.currentTarget, async () => {
    const status = statusOf('preview');
    const data = chosenWorkbook(status);
    if (!data) return;
    const response = await send('POST', `api/preview?${templateQuery()}`, data, status, '正在生成预览', { 'X-ReportGen-Hold': '1' });
    if (!response.ok) return showFailure(status, response);
    const { view } = JSON.parse(await response.blob.text());
    const frame = $('preview-frame');
    frame.src = view.replace(/^\//, '');
    frame.hidden = false;
    status.replaceChildren(element('p', `预览已更新（模板 ${$('template').value}）。`, 'ok'));
  }));

  // 5 生成: one button per output the server offers (/api/info), so a new kind of file needs no change here.
  function generateButton(output) {
    const button = element('button', `生成 ${output.label}`);
    button.type = 'button';
    button.dataset.output = output.id;
    button.disabled = !output.available;
    if (!output.available && output.note) button.title = output.note;
    button.addEventListener('click', () => busy(button, async () => {
      const status = statusOf('generate');
      const data = chosenWorkbook(status);
      if (!data) return;
      const flag = output.id === 'docx' ? '' : `&${encodeURIComponent(output.id)}=1`;
      const response = await send('POST', `api/generate?${templateQuery()}${flag}`, data, status, '正在生成报告');
      if (!response.ok) return showFailure(status, response);
      const name = download(response, `报告.${output.id}`);
      status.replaceChildren(element('p', `已生成并下载 ${name}。`, 'ok'), element('p', summaryOf(response)));
    }));
    return button;
  }

  async function loadInfo() {
    const response = await send('GET', 'api/info', null, null, '');
    if (!response.ok) {
      await showFailure(statusOf('workbook'), response);
      return;
    }
    const info = JSON.parse(await response.blob.text());
    maxUploadBytes = info.maxUploadMegabytes * 1024 * 1024;
    const select = $('template');
    for (const template of info.templates) {
      const option = element('option', template.summary ? `${template.name}：${template.summary}` : template.name);
      option.value = template.name;
      select.append(option);
    }
    const describe = () => {
      const chosen = info.templates.find((t) => t.name === select.value);
      $('template-summary').textContent = chosen && chosen.summary ? `提纲：${chosen.summary}` : '';
    };
    select.addEventListener('change', describe);
    describe();
    const buttons = $('generate-buttons');
    for (const output of info.outputs) {
      buttons.append(generateButton(output));
      if (!output.available && output.note) buttons.append(element('span', output.note, 'note'));
    }
  }

  loadInfo();
})();
