// Enhanced and legacy-converted multi-frame images (Enhanced CT/MR, Legacy Converted Enhanced CT/MR)
// as one ImageInstance per frame, with plane, pixel spacing and rescale from the functional groups,
// and each frame's pixels a view into the file. Single-frame images come back as one instance.

import { InvalidDicomError } from "../errors.js";
import { readPart10, type NaturalDataset, type ParsedDicom } from "./dicom-dataset.js";
import {
  imageInstanceFromDataset,
  imagePixelFromDataset,
  imagePlaneFromDataset,
  instanceFromDataset,
  type AcquisitionParameters,
  type ImageInstance,
  type ImagePixelModule,
} from "./dicom-instance.js";
import { optionalNumber, optionalString } from "./dataset-values.js";
import { frameFunctionalGroups, type FrameGroupLookup } from "./functional-groups.js";

/** Every frame of a Part-10 image as an ImageInstance (a classic single-frame image gives one). */
export function parseImageFrames(buffer: ArrayBuffer | Uint8Array): ImageInstance[] {
  const parsed = readPart10(buffer);
  if (!parsed.pixelData && !parsed.pixelDataEncapsulated) {
    throw new InvalidDicomError("the image file has no PixelData (7FE0,0010): truncated, or not an image");
  }
  const numberOfFrames = optionalNumber(parsed.dataset, "NumberOfFrames") ?? 1;
  if (numberOfFrames <= 1 && !parsed.dataset["SharedFunctionalGroupsSequence"]) {
    return [{ ...imageInstanceFromDataset(parsed.dataset), ...pixelsOf(parsed, parsed.pixelData) }];
  }
  return multiframeInstances(parsed, numberOfFrames);
}

function multiframeInstances(parsed: ParsedDicom, numberOfFrames: number): ImageInstance[] {
  const { dataset } = parsed;
  const identity = instanceFromDataset(dataset);
  const context = `multi-frame image ${identity.sopInstanceUID}`;
  const pixel = imagePixelFromDataset(dataset, context);
  const frameBytes = (pixel.rows * pixel.columns * pixel.samplesPerPixel * pixel.bitsAllocated) / 8;
  requireFramesInPixelData(parsed, numberOfFrames, frameBytes, context);
  return frameFunctionalGroups(dataset, numberOfFrames, context).map((group, index) => {
    const frameContext = `${context} frame ${index + 1}`;
    const frameData = parsed.pixelData?.subarray(index * frameBytes, (index + 1) * frameBytes);
    return {
      ...identity,
      frameNumber: index + 1,
      acquisition: acquisitionOfFrame(identity.acquisition, group),
      plane: imagePlaneFromDataset(planeAttributes(group), frameContext),
      pixel: rescaleOfFrame(pixel, group),
      ...pixelsOf(parsed, frameData),
    };
  });
}

function pixelsOf(parsed: ParsedDicom, pixelData: Uint8Array | undefined): Pick<ImageInstance, "pixelData" | "pixelDataEncapsulated" | "transferSyntaxUID"> {
  return { pixelData, pixelDataEncapsulated: parsed.pixelDataEncapsulated, transferSyntaxUID: parsed.transferSyntaxUID };
}

// Plane Position, Plane Orientation and Pixel Measures macros together hold what the Image Plane module holds.
function planeAttributes(group: FrameGroupLookup): NaturalDataset {
  return { ...group("PixelMeasuresSequence"), ...group("PlaneOrientationSequence"), ...group("PlanePositionSequence") };
}

function rescaleOfFrame(pixel: ImagePixelModule, group: FrameGroupLookup): ImagePixelModule {
  const transformation = group("PixelValueTransformationSequence");
  return {
    ...pixel,
    rescaleSlope: optionalNumber(transformation, "RescaleSlope") ?? pixel.rescaleSlope,
    rescaleIntercept: optionalNumber(transformation, "RescaleIntercept") ?? pixel.rescaleIntercept,
  };
}

// Enhanced CT moves kernel and kVp into functional groups (CT Reconstruction, CT X-Ray Details).
function acquisitionOfFrame(acquisition: AcquisitionParameters, group: FrameGroupLookup): AcquisitionParameters {
  return {
    ...acquisition,
    convolutionKernel: acquisition.convolutionKernel ?? optionalString(group("CTReconstructionSequence"), "ConvolutionKernel"),
    kvp: acquisition.kvp ?? optionalNumber(group("CTXRayDetailsSequence"), "KVP"),
  };
}

function requireFramesInPixelData(parsed: ParsedDicom, numberOfFrames: number, frameBytes: number, context: string): void {
  if (!Number.isInteger(frameBytes)) {
    throw new InvalidDicomError(`${context} has BitsAllocated that does not fill whole bytes per frame`);
  }
  const available = parsed.pixelData?.byteLength ?? Number.POSITIVE_INFINITY; // encapsulated: refused when decoded
  if (available < numberOfFrames * frameBytes) {
    throw new InvalidDicomError(`${context} has ${available} bytes of pixel data; ${numberOfFrames * frameBytes} expected for ${numberOfFrames} frames`);
  }
}
