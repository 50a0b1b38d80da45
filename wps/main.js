/* 校核 Jiaohe — WPS 表格 ribbon callbacks (ribbon.xml: onLoad / onAction / getImage).
 * Plain ES5 on purpose: older WPS builds on UOS/Kylin embed an old Chromium. The check itself runs in
 * jiaohe-wps.js (window.JiaoheWps, built from src/hosts/wps/ribbonMain.ts), the same engine as the pane. */
(function (global) {
  'use strict';

  var IMAGES = {
    jiaoheOneClickCheck: 'images/check.png',
    jiaoheOpenPane: 'images/pane.png',
    jiaoheClearMarks: 'images/clear.png'
  };

  function engine() {
    if (!global.JiaoheWps) throw new Error('校核引擎（jiaohe-wps.js）未能加载，请重新安装加载项。');
    return global.JiaoheWps;
  }

  function pageBase() {
    var href = String(global.location && global.location.href ? global.location.href : '');
    return engine().baseUrlOf(href);
  }

  function say(message) {
    try {
      engine().notify(message);
    } catch (e) {
      if (typeof global.alert === 'function') global.alert(message);
    }
  }

  function controlId(control) {
    if (!control) return '';
    return String(control.Id !== undefined ? control.Id : control.id);
  }

  var busy = false;

  var ribbon = {
    OnAddinLoad: function (ribbonUI) {
      var app = global.Application;
      if (app && typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
      return true;
    },

    OnAction: function (control) {
      var id = controlId(control);
      try {
        if (id === 'jiaoheOneClickCheck') {
          if (busy) return true;
          busy = true;
          engine().notify('校核：正在校验当前工作表…', undefined, false);
          return engine().oneClickCheck().then(function (result) {
            busy = false;
            say(result.message);
            return result;
          }, function (err) {
            busy = false;
            say('校核失败：' + (err && err.message ? err.message : String(err)));
          });
        }
        if (id === 'jiaoheOpenPane') {
          engine().toggleTaskPane(pageBase());
          return true;
        }
        if (id === 'jiaoheClearMarks') {
          return engine().clearAllMarks().then(say);
        }
      } catch (err) {
        busy = false;
        say('校核：' + (err && err.message ? err.message : String(err)));
      }
      return true;
    },

    GetImage: function (control) {
      return IMAGES[controlId(control)] || 'images/check.png';
    }
  };

  global.ribbon = ribbon;
})(typeof window !== 'undefined' ? window : this);
