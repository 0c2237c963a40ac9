import * as Mui from '@mui/material';
import * as ModuleSdkWeb from '@pilote/module-sdk/web';
import type { SharedPackage } from '@pilote/module-sdk/web';
import * as PiloteUi from '@pilote/ui';
import * as I18next from 'i18next';
import * as React from 'react';
import * as ReactJsxRuntime from 'react/jsx-runtime';
import * as ReactDom from 'react-dom';
import * as ReactI18next from 'react-i18next';
import * as ReactRouter from 'react-router';

/**
 * The kit's copies of the packages a pre-built module web part reads instead of bundling its own
 * (ADR 029): one React, one MUI theme, one i18next, one widget registry. Its own chunk, loaded only
 * when an instance enables such a module (it holds the whole of MUI, not just what the app uses).
 */
export const sharedScope: Record<SharedPackage, unknown> = {
  react: React,
  'react/jsx-runtime': ReactJsxRuntime,
  'react-dom': ReactDom,
  '@mui/material': Mui,
  'react-i18next': ReactI18next,
  i18next: I18next,
  'react-router': ReactRouter,
  '@pilote/ui': PiloteUi,
  '@pilote/module-sdk/web': ModuleSdkWeb,
  '@pilote/module-sdk': ModuleSdkWeb,
  '@pilote/module-sdk/common': ModuleSdkWeb,
};
