import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { pageData } from '../shared/texts.js';
import './citizen.css';
import { mountLookup } from './lookup/mountLookup.js';
import { mountReceipt } from './receipt.js';
import type { SubmissionPageData } from './submission/SubmissionData.js';
import { SubmissionApp } from './submission/SubmissionApp.js';

/** The citizens' dossier pages: each page marks the element its script draws into. */
const submission = document.querySelector<HTMLElement>('[data-citizen-submission]');
if (submission) createRoot(submission).render(createElement(SubmissionApp, { data: pageData<SubmissionPageData>() }));

const receipt = document.querySelector<HTMLElement>('[data-citizen-receipt]');
if (receipt) mountReceipt(receipt);

const lookupForm = document.querySelector<HTMLFormElement>('form[data-lookup-form]');
const lookupOutput = document.querySelector<HTMLElement>('[data-lookup-result]');
if (lookupForm && lookupOutput) mountLookup(lookupForm, lookupOutput);
